namespace VisionEHalsa.Indicator.Calculations;

/// <summary>
/// What this service knows of a survey round, stored durably: which questionnaire and year it is, what it
/// has received, and whether it needs recalculating (<see cref="Dirty"/> survives a restart).
/// <see cref="Revision"/> grows with every write, so a recalculation clears <see cref="Dirty"/> only if
/// nothing arrived while it ran. <see cref="Population"/> and <see cref="Expected"/> come from
/// <c>SurveyRoundOpened</c>: null until it has been seen. <see cref="Waiting"/> holds the traceparents of the
/// responses since the last calculation, so the coalesced recalculation links every one of their traces.
/// Several replicas share this document: a replica recalculates a round only under a claim (<see cref="ClaimedBy"/>
/// until <see cref="ClaimedUntil"/>), and each claim takes the next <see cref="Sequence"/>, which the calculation
/// carries; <see cref="LastSequence"/> is the sequence of <see cref="LastCalculationId"/>, so a slower replica's
/// older calculation never replaces a newer one.
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
    int? Expected = null,
    IReadOnlyList<string>? Waiting = null,
    long Sequence = 0,
    long LastSequence = 0,
    string? ClaimedBy = null,
    DateTimeOffset? ClaimedUntil = null)
{
    /// <summary>At most this many traces of waiting responses are linked from one recalculation.</summary>
    public const int MaxWaiting = 64;

    /// <summary>Another replica is recalculating the round and its claim has not run out.</summary>
    public bool IsClaimedByOtherThan(string replica, DateTimeOffset now) =>
        ClaimedBy is not null && ClaimedBy != replica && ClaimedUntil > now;

    public static RoundState New(string roundId, string questionnaireId, int year) =>
        new(roundId, roundId, questionnaireId, year, null, 0, false, false, 0, null, null, null);
}
