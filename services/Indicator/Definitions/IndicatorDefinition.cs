namespace VisionEHalsa.Indicator.Definitions;

/// <summary>
/// One version of an indicator definition, stored as <c>{code}@{version}</c>. Versions are never changed;
/// the highest version of a code is the definition in force.
/// </summary>
public sealed record IndicatorDefinition(
    string Id,
    string Code,
    int Version,
    string Name,
    string QuestionnaireId,
    string Kind,
    string Numerator,
    string? Denominator,
    string? Value,
    string Unit,
    bool HigherIsBetter,
    IReadOnlyList<string> Questions,
    DateTimeOffset DefinedAt,
    string DefinedBy,
    string? DenominatorValue = null)
{
    public static string IdFor(string code, int version) => $"{code}@{version}";

    /// <summary>True when a re-post says exactly what this version says, so it needs no new version.</summary>
    public bool SaysTheSameAs(IndicatorDefinition other) =>
        Name == other.Name && QuestionnaireId == other.QuestionnaireId && Kind == other.Kind &&
        Numerator == other.Numerator && Denominator == other.Denominator && Value == other.Value && DenominatorValue == other.DenominatorValue &&
        Unit == other.Unit && HigherIsBetter == other.HigherIsBetter;
}

public static class IndicatorKinds
{
    /// <summary>100 × organisations matching the numerator / organisations matching the denominator.</summary>
    public const string Share = "share";

    /// <summary>The mean of <c>value</c> over the organisations matching the numerator that have a value.</summary>
    public const string Mean = "mean";

    /// <summary>The median of <c>value</c> over the organisations matching the numerator that have a value.</summary>
    public const string Median = "median";

    /// <summary>The sum of <c>value</c> over the organisations matching the numerator that have a value.</summary>
    public const string Sum = "sum";

    /// <summary>
    /// 100 × Σ <c>value</c> / Σ <c>denominatorValue</c> over the organisations matching the numerator that have
    /// both: weighted by what is counted (alarms), not by organisation.
    /// </summary>
    public const string Ratio = "ratio";

    public static IReadOnlyList<string> All { get; } = [Share, Mean, Median, Sum, Ratio];

    /// <summary>The kinds that aggregate a numeric <c>value</c> rather than count organisations.</summary>
    public static bool AggregatesValue(string kind) => kind is Mean or Median or Sum or Ratio;

    /// <summary>Shares and ratios are percentages unless the definition says otherwise.</summary>
    public static string DefaultUnit(string kind) => kind is Share or Ratio ? "%" : string.Empty;
}
