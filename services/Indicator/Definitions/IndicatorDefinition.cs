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
    string DefinedBy)
{
    public static string IdFor(string code, int version) => $"{code}@{version}";

    /// <summary>True when a re-post says exactly what this version says, so it needs no new version.</summary>
    public bool SaysTheSameAs(IndicatorDefinition other) =>
        Name == other.Name && QuestionnaireId == other.QuestionnaireId && Kind == other.Kind &&
        Numerator == other.Numerator && Denominator == other.Denominator && Value == other.Value &&
        Unit == other.Unit && HigherIsBetter == other.HigherIsBetter;
}

public static class IndicatorKinds
{
    /// <summary>100 × organisations matching the numerator / organisations matching the denominator.</summary>
    public const string Share = "share";

    /// <summary>The mean of the <c>value</c> answer over the organisations matching the numerator.</summary>
    public const string Mean = "mean";

    /// <summary>The sum of the <c>value</c> answer over the organisations matching the numerator.</summary>
    public const string Sum = "sum";

    public static IReadOnlyList<string> All { get; } = [Share, Mean, Sum];
}
