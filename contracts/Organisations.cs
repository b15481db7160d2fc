namespace VisionEHalsa.Contracts;

/// <summary>An organisation as events carry it: enough for every consumer to group it without a lookup.</summary>
public sealed record OrganisationRef(
    string Id,
    string Name,
    string Type,
    string? Lanskod,
    string? Lan,
    string? Kommungrupp);
