namespace VisionEHalsa.Contracts;

/// <summary>
/// The complete set of values of one survey round after a recalculation. Deterministic for the
/// responses it is based on; latest-wins by <see cref="CalculatedAt"/> and <see cref="BasedOn"/>.
/// </summary>
public sealed record IndicatorsRecalculated(
    string CalculationId,
    string RoundId,
    string QuestionnaireId,
    int Year,
    DateTimeOffset CalculatedAt,
    CalculationBasis BasedOn,
    IReadOnlyList<IndicatorDescription> Indicators,
    IReadOnlyList<IndicatorValue> Values);

/// <summary>
/// Which responses a calculation includes: how many, and the latest acceptance time among them.
/// <see cref="Sequence"/> numbers the round's recalculations in the indicator service: a higher one read the
/// stored answers later, so it includes at least what a lower one did. Consumers keep the calculation with the
/// highest sequence; it is optional so that events written before it still read (they compare by watermark).
/// </summary>
public sealed record CalculationBasis(int Responses, DateTimeOffset Watermark, long? Sequence = null);

public sealed record IndicatorDescription(
    string Code,
    string Name,
    string Kind,
    string Unit,
    bool HigherIsBetter,
    string Numerator,
    string? Denominator);

public static class IndicatorLevels
{
    public const string Riket = "riket";
    public const string Lan = "lan";
    public const string Kommungrupp = "kommungrupp";
    public const string Organisation = "organisation";
}

/// <summary>
/// A value for one indicator and area. <see cref="Value"/> is null when the denominator is 0.
/// <see cref="Expected"/> organisations in the area, <see cref="Coverage"/> = respondents / expected, and a
/// <see cref="Quality"/> flag ("low_coverage", "small_denominator") say how far it can be trusted; they are
/// optional so that events written before them still read.
/// </summary>
public sealed record IndicatorValue(
    string Indicator,
    string Level,
    string Area,
    string AreaName,
    double? Value,
    double Numerator,
    double Denominator,
    int Respondents,
    int? Expected = null,
    double? Coverage = null,
    string? Quality = null);
