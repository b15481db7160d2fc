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
    /// Latest-wins. Between calculations that both carry the indicator service's sequence, the higher sequence
    /// wins: it read the answers later, whichever replica made it and whenever it arrives. Otherwise (events from
    /// before the sequence) the calculation over later responses wins, then the one over more responses, then the
    /// later run (e.g. after a definition changed). A tie is a duplicate or an older run.
    /// </summary>
    public static bool IsNewer(IndicatorsRecalculated candidate, StoredCalculation current) =>
        IsNewer(candidate.BasedOn, candidate.CalculatedAt, current.BasedOn, current.CalculatedAt);

    public static bool IsNewer(CalculationBasis candidate, DateTimeOffset candidateAt, CalculationBasis current, DateTimeOffset currentAt) =>
        candidate.Sequence is { } sequence && current.Sequence is { } currentSequence
            ? sequence > currentSequence
            : (candidate.Watermark, candidate.Responses, candidateAt).CompareTo((current.Watermark, current.Responses, currentAt)) > 0;
}
