using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.ServiceDefaults.Operations;

/// <summary>Sends a failed message again to the queue it failed on, as the contract it was.</summary>
public static class FailureReplay
{
    /// <summary>Carried by a replayed message: the id of the failure it replays.</summary>
    public const string ReplayOfHeader = "platform-replay-of";

    // Only the platform's own contracts are replayed: a stored body never names a type to load.
    private static readonly Lazy<IReadOnlyDictionary<string, Type>> Contracts = new(() =>
        typeof(SurveyRoundClosed).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .ToDictionary(MessageUrn.ForTypeString, t => t, StringComparer.Ordinal));

    /// <summary>The stored message as its contract, or why it cannot be replayed.</summary>
    public static (object? Message, Type? Type, string? Problem) ReadMessage(FailedMessage failure)
    {
        if (failure.MessageUrn is null || !Contracts.Value.TryGetValue(failure.MessageUrn, out var type))
        {
            return (null, null, $"'{failure.MessageUrn ?? "unknown"}' is not a contract of VisionEHalsa.Contracts.");
        }

        try
        {
            using var body = JsonDocument.Parse(failure.Body);
            // MassTransit's envelope holds the message under "message"; a raw JSON body is the message itself.
            var message = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("message", out var inner)
                && body.RootElement.TryGetProperty("messageType", out _)
                    ? inner
                    : body.RootElement;
            return message.Deserialize(type, SystemTextJsonMessageSerializer.Options) is { } value
                ? (value, type, null)
                : (null, null, "The stored message is empty.");
        }
        catch (JsonException e)
        {
            return (null, null, $"The stored message does not read as {type.Name}: {e.Message.Split('\n', 2)[0]}");
        }
    }

    /// <summary>The queue the message failed on, with the endpoint's own settings (durable, temporary) so the declare matches.</summary>
    public static Uri QueueAddress(FailedMessage failure)
    {
        var query = Uri.TryCreate(failure.InputAddress, UriKind.Absolute, out var input) ? input.Query : string.Empty;
        return new Uri("queue:" + failure.Queue + query);
    }

    public static async Task SendAsync(ISendEndpointProvider sendEndpoints, FailedMessage failure, object message, Type type, CancellationToken ct)
    {
        var endpoint = await sendEndpoints.GetSendEndpoint(QueueAddress(failure));
        await endpoint.Send(message, type, context => context.Headers.Set(ReplayOfHeader, failure.Id), ct);
    }
}
