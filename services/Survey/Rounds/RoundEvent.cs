using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Messaging;

namespace VisionEHalsa.Survey.Rounds;

public enum RoundEventKind
{
    Opened,
    Closed,
}

/// <summary>
/// A round's status change, stored as the outbox entry of its event: <see cref="SurveyRoundOpened"/> or
/// <see cref="SurveyRoundClosed"/>. Its id <c>{roundId}|{revision:D6}</c> makes each change happen once.
/// </summary>
public sealed record RoundEvent(
    string Id,
    string RoundId,
    long Revision,
    RoundEventKind Kind,
    string QuestionnaireId,
    int QuestionnaireVersion,
    int Year,
    string Population,
    int Expected,
    DateTimeOffset OccurredAt,
    bool Relayed,
    string? TraceParent) : IOutboxDocument
{
    public static string DocumentId(string roundId, long revision) => $"{roundId}|{revision:D6}";

    public static RoundEvent For(Round round, RoundEventKind kind, int expected, DateTimeOffset at, string? traceParent) => new(
        DocumentId(round.Id, round.Revision + 1), round.Id, round.Revision + 1, kind, round.QuestionnaireId,
        round.QuestionnaireVersion, round.Year, round.Population, expected, at, Relayed: false, traceParent);

    public object ToEvent() => Kind switch
    {
        RoundEventKind.Opened => new SurveyRoundOpened(RoundId, QuestionnaireId, QuestionnaireVersion, Year, Population, Expected, OccurredAt),
        RoundEventKind.Closed => new SurveyRoundClosed(RoundId, QuestionnaireId, Year, OccurredAt),
        _ => throw new InvalidOperationException($"Unknown round event kind {Kind}."),
    };
}
