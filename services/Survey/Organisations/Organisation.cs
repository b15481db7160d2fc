using VisionEHalsa.Contracts;

namespace VisionEHalsa.Survey.Organisations;

public static class OrganisationTypes
{
    public const string Kommun = "kommun";
    public const string Region = "region";
}

/// <summary>A municipality or region that answers surveys. <see cref="Kommungrupp"/> is null for regions.</summary>
public sealed record Organisation(string Id, string Name, string Type, string Lanskod, string Lan, string? Kommungrupp)
{
    public OrganisationRef ToRef() => new(Id, Name, Type, Lanskod, Lan, Kommungrupp);
}

public sealed record County(string Lanskod, string Name);
