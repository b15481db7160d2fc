namespace VisionEHalsa.ServiceDefaults.Operations;

public static class FailureStatus
{
    public const string Failed = "failed";
    public const string Replayed = "replayed";

    public static bool IsKnown(string status) => status is Failed or Replayed;
}

/// <summary>
/// A message that still failed after its retries and went to its <c>_error</c> queue, as the service that
/// failed to consume it stored it (collection <c>failures</c>): enough to find the fault and to replay it.
/// </summary>
public sealed record FailedMessage
{
    /// <summary>The message id (N format), a dash and a short hash of the queue: one record per message and queue.</summary>
    public required string Id { get; init; }

    public required string MessageId { get; init; }

    public required string Service { get; init; }

    public required string Queue { get; init; }

    /// <summary>The receive endpoint's address, whose settings (durable, temporary) a replay must match.</summary>
    public required string InputAddress { get; init; }

    /// <summary>The contract's short name, e.g. <c>ResponseSubmitted</c>.</summary>
    public required string MessageType { get; init; }

    public string? MessageUrn { get; init; }

    /// <summary>Exception type and the first line of its message: never a stack trace or message content.</summary>
    public required string Error { get; init; }

    /// <summary>The whole exception message and those of its inner exceptions, without stack traces.</summary>
    public required string ErrorText { get; init; }

    public DateTimeOffset FirstAttempt { get; init; }

    public DateTimeOffset LastAttempt { get; init; }

    /// <summary>Deliveries to the consumer: the first one plus its retries.</summary>
    public int Attempts { get; init; }

    public string? TraceId { get; init; }

    public string Status { get; init; } = FailureStatus.Failed;

    public DateTimeOffset? ReplayedAt { get; init; }

    public string? ReplayedBy { get; init; }

    /// <summary>The failure this message was a replay of, when a replayed message failed again.</summary>
    public string? ReplayOf { get; init; }

    /// <summary>Raised by every change, so a status flip is a conditional replace that only one replay wins.</summary>
    public long Version { get; init; }

    /// <summary>The message as it was received (for MassTransit's JSON, the whole envelope).</summary>
    public required string Body { get; init; }

    public string? ContentType { get; init; }

    public FailedMessageSummary ToSummary() => new(
        Id, Service, Queue, MessageType, MessageUrn, MessageId, Error, FirstAttempt, LastAttempt, Attempts, TraceId,
        Status, ReplayedAt, ReplayedBy, ReplayOf);

    public FailedMessageDetails ToDetails() => new(
        Id, Service, Queue, MessageType, MessageUrn, MessageId, Error, ErrorText, FirstAttempt, LastAttempt, Attempts,
        TraceId, Status, ReplayedAt, ReplayedBy, ReplayOf, ContentType, Body);
}

/// <summary>A failure as the listing shows it: no message body.</summary>
public sealed record FailedMessageSummary(
    string Id,
    string Service,
    string Queue,
    string MessageType,
    string? MessageUrn,
    string MessageId,
    string Error,
    DateTimeOffset FirstAttempt,
    DateTimeOffset LastAttempt,
    int Attempts,
    string? TraceId,
    string Status,
    DateTimeOffset? ReplayedAt,
    string? ReplayedBy,
    string? ReplayOf);

/// <summary>One failure with its whole error text and the message it failed on.</summary>
public sealed record FailedMessageDetails(
    string Id,
    string Service,
    string Queue,
    string MessageType,
    string? MessageUrn,
    string MessageId,
    string Error,
    string ErrorText,
    DateTimeOffset FirstAttempt,
    DateTimeOffset LastAttempt,
    int Attempts,
    string? TraceId,
    string Status,
    DateTimeOffset? ReplayedAt,
    string? ReplayedBy,
    string? ReplayOf,
    string? ContentType,
    string Body);
