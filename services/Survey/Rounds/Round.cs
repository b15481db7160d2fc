using System.ComponentModel.DataAnnotations;

namespace VisionEHalsa.Survey.Rounds;

public enum RoundStatus
{
    Planned,
    Open,
    Closed,
}

public sealed record CreateRound(
    [property: RegularExpression(ResourceIds.Pattern), MaxLength(64)] string Id,
    string QuestionnaireId,
    [property: Range(2000, 2100)] int Year,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt);

/// <summary>
/// A survey round: one year's questionnaire version sent to a population. <see cref="Revision"/> counts
/// its status changes; each change has a <see cref="RoundEvent"/> numbered by it.
/// </summary>
public sealed record Round(
    string Id,
    string QuestionnaireId,
    int QuestionnaireVersion,
    int Year,
    string Population,
    RoundStatus Status,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    long Revision)
{
    public Round Apply(RoundEvent change) => change.Kind switch
    {
        RoundEventKind.Opened => this with { Status = RoundStatus.Open, OpenedAt = change.OccurredAt, ClosedAt = null, Revision = change.Revision },
        RoundEventKind.Closed => this with { Status = RoundStatus.Closed, ClosedAt = change.OccurredAt, Revision = change.Revision },
        _ => throw new InvalidOperationException($"Unknown round event kind {change.Kind}."),
    };

    /// <summary>Why the change may not happen now, or null when it may. Reopening a closed round is allowed.</summary>
    public string? Refusal(RoundEventKind change) => (change, Status) switch
    {
        (RoundEventKind.Opened, RoundStatus.Open) => $"Round {Id} is already open.",
        (RoundEventKind.Closed, RoundStatus.Planned) => $"Round {Id} has not been opened yet; open it before closing it.",
        (RoundEventKind.Closed, RoundStatus.Closed) => $"Round {Id} is already closed.",
        _ => null,
    };
}
