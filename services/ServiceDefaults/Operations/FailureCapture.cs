using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;

namespace VisionEHalsa.ServiceDefaults.Operations;

/// <summary>What the error pipe knows about a failed message, as a <see cref="FailedMessage"/>.</summary>
public static class FailureCapture
{
    private const int MaxErrorLength = 500;
    private const int MaxErrorTextLength = 4000;

    public static FailedMessage From(ExceptionReceiveContext context, string service, string queue, Activity? activity)
    {
        var body = context.Body.GetString();
        context.TryGetPayload(out ConsumeContext? consume);
        var urn = consume?.SupportedMessageTypes.FirstOrDefault() ?? EnvelopeMessageType(body);
        var messageId = (context.GetMessageId() ?? consume?.MessageId ?? NewId.NextGuid()).ToString("N");
        // Retries run in memory, so the receive spans every attempt and its payload counts the retries.
        var retries = context.TryGetPayload(out RetryContext? retry) ? retry.RetryCount : 0;
        var lastAttempt = Utc(context.ExceptionTimestamp);
        var firstAttempt = DateTimeOffset.UtcNow - context.ElapsedTime;
        return new FailedMessage
        {
            Id = RecordId(messageId, queue),
            MessageId = messageId,
            Service = service,
            Queue = queue,
            InputAddress = context.InputAddress.ToString(),
            MessageType = ShortName(urn),
            MessageUrn = urn,
            Error = Error(context.Exception),
            ErrorText = ErrorText(context.Exception),
            FirstAttempt = firstAttempt < lastAttempt ? firstAttempt : lastAttempt,
            LastAttempt = lastAttempt,
            Attempts = 1 + retries,
            TraceId = TraceId(activity, context),
            ReplayOf = context.TransportHeaders.Get<string>(FailureReplay.ReplayOfHeader),
            Body = body,
            ContentType = context.ContentType?.MediaType,
        };
    }

    /// <summary>The message id plus a short hash of the queue: a message failing in two services gets two records.</summary>
    public static string RecordId(string messageId, string queue) =>
        messageId + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(queue)), 0, 4);

    public static string ShortName(string? urn) =>
        urn is null ? "unknown" : urn[(urn.LastIndexOf(':') + 1)..];

    private static string Error(Exception exception)
    {
        var shown = exception is AggregateException ? exception.GetBaseException() : exception;
        var firstLine = shown.Message.Split('\n', 2)[0].TrimEnd('\r');
        var error = $"{shown.GetType().FullName}: {firstLine}";
        return error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
    }

    private static string ErrorText(Exception exception)
    {
        var lines = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            lines.Add($"{e.GetType().FullName}: {e.Message}");
        }

        var text = string.Join(Environment.NewLine + " ---> ", lines);
        return text.Length <= MaxErrorTextLength ? text : text[..MaxErrorTextLength];
    }

    private static string? TraceId(Activity? activity, ReceiveContext context)
    {
        if (activity is not null && activity.TraceId != default)
        {
            return activity.TraceId.ToHexString();
        }

        return ActivityContext.TryParse(context.TransportHeaders.Get<string>("traceparent"), null, out var parent)
            ? parent.TraceId.ToHexString()
            : null;
    }

    /// <summary>The first type of MassTransit's JSON envelope, for a message that could not even be deserialized.</summary>
    private static string? EnvelopeMessageType(string body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            return envelope.RootElement.ValueKind == JsonValueKind.Object
                && envelope.RootElement.TryGetProperty("messageType", out var types)
                && types.ValueKind == JsonValueKind.Array
                && types.GetArrayLength() > 0
                    ? types[0].GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset Utc(DateTime timestamp) => timestamp.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(timestamp.ToUniversalTime()),
        _ => new DateTimeOffset(DateTime.SpecifyKind(timestamp, DateTimeKind.Utc)),
    };
}
