using VisionEHalsa.Contracts;

namespace VisionEHalsa.Strategy.Indicators;

/// <summary>
/// What the strategy keeps of a survey round's latest calculation (id = round id): the indicators it names
/// and their national values. Everything else in <see cref="IndicatorsRecalculated"/> is the reporting's business.
/// </summary>
public sealed record RoundValues(
    string Id,
    long Revision,
    string CalculationId,
    int Year,
    DateTimeOffset CalculatedAt,
    CalculationBasis BasedOn,
    IReadOnlyList<IndicatorDescription> Indicators,
    IReadOnlyList<RiketValue> Riket)
{
    public static RoundValues From(IndicatorsRecalculated calculation, long revision) => new(
        calculation.RoundId,
        revision,
        calculation.CalculationId,
        calculation.Year,
        calculation.CalculatedAt,
        calculation.BasedOn,
        calculation.Indicators,
        calculation.Values
            .Where(v => v.Level == IndicatorLevels.Riket)
            .Select(v => new RiketValue(v.Indicator, v.Value))
            .ToList());

    /// <summary>
    /// Latest-wins, as the reporting service decides it: the calculation over later responses wins, then the
    /// one over more responses, then the later run. A tie is a duplicate or an older run.
    /// </summary>
    public static bool IsNewer(IndicatorsRecalculated candidate, RoundValues current) =>
        (candidate.BasedOn.Watermark, candidate.BasedOn.Responses, candidate.CalculatedAt)
            .CompareTo((current.BasedOn.Watermark, current.BasedOn.Responses, current.CalculatedAt)) > 0;
}

/// <summary>An indicator's value for the whole country; null when no organisation was in its denominator.</summary>
public sealed record RiketValue(string Indicator, double? Value);
