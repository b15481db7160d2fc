using VisionEHalsa.Contracts;

namespace VisionEHalsa.Reporting.Inputs;

/// <summary>The latest calculation of one survey round (id = round id), as the indicator service published it.</summary>
public sealed record StoredCalculation(
    string Id,
    long Revision,
    string CalculationId,
    string RoundId,
    string QuestionnaireId,
    int Year,
    DateTimeOffset CalculatedAt,
    CalculationBasis BasedOn,
    IReadOnlyList<IndicatorDescription> Indicators,
    IReadOnlyList<IndicatorValue> Values)
{
    public static StoredCalculation From(IndicatorsRecalculated calculation, long revision) => new(
        calculation.RoundId,
        revision,
        calculation.CalculationId,
        calculation.RoundId,
        calculation.QuestionnaireId,
        calculation.Year,
        calculation.CalculatedAt,
        calculation.BasedOn,
        calculation.Indicators,
        calculation.Values);

    /// <summary>
    /// Latest-wins: the calculation over later responses wins, then the one over more responses, then the
    /// later run (e.g. after a definition changed). A tie is a duplicate or an older run.
    /// </summary>
    public static bool IsNewer(IndicatorsRecalculated candidate, StoredCalculation current) =>
        (candidate.BasedOn.Watermark, candidate.BasedOn.Responses, candidate.CalculatedAt)
            .CompareTo((current.BasedOn.Watermark, current.BasedOn.Responses, current.CalculatedAt)) > 0;
}
