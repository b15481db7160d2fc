namespace VisionEHalsa.Contracts;

public sealed record ReportGenerated(
    int Year,
    int Edition,
    DateTimeOffset GeneratedAt,
    ReportBasis BasedOn,
    IReadOnlyList<string> Formats);

/// <summary>What an edition was generated from: the calculations and the strategy version.</summary>
public sealed record ReportBasis(IReadOnlyList<string> CalculationIds, int StrategyVersion);
