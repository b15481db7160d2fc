using MassTransit;

namespace VisionEHalsa.ServiceDefaults.Messaging;

/// <summary>
/// Endpoints of events that carry a whole calculation (<c>IndicatorsRecalculated</c>: every value down to each
/// organisation, 1–3 MB of JSON and several times that once read). With the broker's defaults a consumer holds 16
/// of them and works on all 16 at once, so a burst of recalculations put hundreds of megabytes in memory in one
/// moment. These endpoints take them one at a time, with the next one on hand: the latest calculation of a round
/// supersedes the ones before it anyway, so nothing waits that would not have been overwritten.
/// </summary>
public static class LargeMessages
{
    public const int Prefetch = 2;

    public static void OneAtATime(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.PrefetchCount = Prefetch;
        endpoint.ConcurrentMessageLimit = 1;
    }

    /// <summary>Relay batch for documents that carry a whole calculation (see <see cref="OutboxExtensions.AddOutboxRelay{TDocument}"/>).</summary>
    public const int RelayBatch = 4;
}
