using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.ServiceDefaults.Operations;

/// <summary>The service's own record of the messages it failed to consume, in its own store.</summary>
public sealed class FailureLog(string service, IServiceProvider services, ILogger<FailureLog> logger)
{
    public const string CollectionName = "failures";
    public const int ListLimit = 500;

    public static readonly Counter<long> MessagesFailed = PlatformMetrics.Meter.CreateCounter<long>(
        "platform.messages.failed", description: "Messages that still failed after their retries and went to their _error queue");

    // Resolved on first use: a host with messaging but no store of its own still consumes, it only records nothing.
    // PublicationOnly: a store that could not be opened is tried again on the next failure, not remembered as broken.
    private readonly Lazy<IDocumentCollection<FailedMessage>?> _collection = new(
        () => services.GetService<IDocumentStore>()?.Collection<FailedMessage>(CollectionName), LazyThreadSafetyMode.PublicationOnly);

    private int _indexed;

    public string Service => service;

    public bool HasStore => _collection.Value is not null;

    /// <summary>Stores a failure; the same message failing again on the same queue updates its record.</summary>
    public async Task RecordAsync(FailedMessage failure, CancellationToken ct)
    {
        var collection = await CollectionAsync(ct);
        if (collection is null)
        {
            logger.LogWarning("Failed message {MessageId} on {Queue} not recorded: the service has no document store", failure.MessageId, failure.Queue);
            return;
        }

        if (await collection.TryInsertAsync(failure.Id, failure, ct))
        {
            return;
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await collection.GetAsync(failure.Id, ct);
            if (current is null)
            {
                if (await collection.TryInsertAsync(failure.Id, failure, ct))
                {
                    return;
                }

                continue;
            }

            // Failing again makes it a failure to look at again, whatever an earlier replay did.
            var again = failure with
            {
                FirstAttempt = current.FirstAttempt,
                Attempts = current.Attempts + failure.Attempts,
                Version = current.Version + 1,
            };
            if (await collection.TryReplaceAsync(failure.Id, again, "version", current.Version, ct))
            {
                return;
            }
        }

        logger.LogWarning("Failed message {MessageId} on {Queue} not recorded: its record kept changing", failure.MessageId, failure.Queue);
    }

    /// <summary>The newest failures first, at most <see cref="ListLimit"/>.</summary>
    public async Task<IReadOnlyList<FailedMessage>> ListAsync(string? status, CancellationToken ct)
    {
        var collection = await CollectionAsync(ct);
        if (collection is null)
        {
            return [];
        }

        var query = (status is null ? Query.All : Query.Where("status", status)).OrderByDescending("lastAttempt").Take(ListLimit);
        var failures = await collection.FindAsync(query, ct);
        return failures.OrderByDescending(f => f.LastAttempt).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<FailedMessage?> GetAsync(string id, CancellationToken ct)
    {
        var collection = await CollectionAsync(ct);
        return collection is null ? null : await collection.GetAsync(id, ct);
    }

    /// <summary>Replaces the record only if nobody changed it since <paramref name="expectedVersion"/>.</summary>
    public async Task<bool> TryReplaceAsync(FailedMessage next, long expectedVersion, CancellationToken ct)
    {
        var collection = await CollectionAsync(ct);
        return collection is not null && await collection.TryReplaceAsync(next.Id, next, "version", expectedVersion, ct);
    }

    private async Task<IDocumentCollection<FailedMessage>?> CollectionAsync(CancellationToken ct)
    {
        var collection = _collection.Value;
        if (collection is not null && Interlocked.CompareExchange(ref _indexed, 1, 0) == 0)
        {
            try
            {
                await collection.EnsureIndexAsync("status", ct);
            }
            catch
            {
                Interlocked.Exchange(ref _indexed, 0);
                throw;
            }
        }

        return collection;
    }
}
