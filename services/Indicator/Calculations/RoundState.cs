namespace VisionEHalsa.Indicator.Calculations;

/// <summary>
/// What this service knows of a survey round, stored durably: which questionnaire and year it is, what it
/// has received, and whether it needs recalculating (<see cref="Dirty"/> survives a restart).
/// <see cref="Revision"/> grows with every write, so a recalculation clears <see cref="Dirty"/> only if
/// nothing arrived while it ran. <see cref="Population"/> and <see cref="Expected"/> come from
/// <c>SurveyRoundOpened</c>: null until it has been seen.
/// </summary>
public sealed record RoundState(
    string Id,
    string RoundId,
    string QuestionnaireId,
    int Year,
    DateTimeOffset? Watermark,
    int Responses,
    bool Dirty,
    bool Closed,
    long Revision,
    string? TraceParent,
    string? LastCalculationId,
    DateTimeOffset? LastCalculatedAt,
    string? Population = null,
    int? Expected = null)
{
    public static RoundState New(string roundId, string questionnaireId, int year) =>
        new(roundId, roundId, questionnaireId, year, null, 0, false, false, 0, null, null, null);
}
