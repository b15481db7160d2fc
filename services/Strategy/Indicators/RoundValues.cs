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
    /// Latest-wins, as the reporting service decides it: the higher sequence when both calculations carry one (the
    /// indicator service numbers a round's calculations, so a later one includes every answer stored before it,
    /// whichever replica made it); otherwise the calculation over later responses, then over more, then the later run.
    /// </summary>
    public static bool IsNewer(IndicatorsRecalculated candidate, RoundValues current) =>
        candidate.BasedOn.Sequence is { } sequence && current.BasedOn.Sequence is { } currentSequence
            ? sequence > currentSequence
            : (candidate.BasedOn.Watermark, candidate.BasedOn.Responses, candidate.CalculatedAt)
                .CompareTo((current.BasedOn.Watermark, current.BasedOn.Responses, current.CalculatedAt)) > 0;
}

/// <summary>An indicator's value for the whole country; null when no organisation was in its denominator.</summary>
public sealed record RiketValue(string Indicator, double? Value);
