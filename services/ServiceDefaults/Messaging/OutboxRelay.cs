using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.ServiceDefaults.Messaging;

/// <summary>
/// A document that carries its own outgoing event: it is stored with <c>Relayed = false</c> in the same
/// write that accepts it, and the relay publishes it until the broker confirms.
/// </summary>
public interface IOutboxDocument
{
    string Id { get; }

    bool Relayed { get; }

    /// <summary>The W3C traceparent of the request that stored it, so the publish joins that trace.</summary>
    string? TraceParent { get; }
}

/// <summary>Wakes every relay at once after a write instead of waiting for their next poll.</summary>
public sealed class OutboxSignal
{
    private readonly List<SemaphoreSlim> _relays = [];

    public void Notify()
    {
        lock (_relays)
        {
            foreach (var relay in _relays)
            {
                if (relay.CurrentCount == 0)
                {
                    // One pending wake-up covers every write before it.
                    relay.Release();
                }
            }
        }
    }

    internal SemaphoreSlim Subscribe()
    {
        var relay = new SemaphoreSlim(0, 1);
        lock (_relays)
        {
            _relays.Add(relay);
        }

        return relay;
    }
}

public static class OutboxExtensions
{
    /// <summary>
    /// Relays the documents of <paramref name="collection"/> whose <c>relayed</c> field is false, at most
    /// <paramref name="batch"/> read and published at once: small documents in large batches, large ones (a whole
    /// calculation is megabytes once read) in small ones, so a backlog does not sit in memory all at once.
    /// </summary>
    public static IServiceCollection AddOutboxRelay<TDocument>(
        this IServiceCollection services, string collection, Func<TDocument, object> toMessage, int batch = OutboxRelay<TDocument>.DefaultBatch)
        where TDocument : class, IOutboxDocument
    {
        services.TryAddSingleton<OutboxSignal>();
        services.AddHostedService(sp => new OutboxRelay<TDocument>(
            sp.GetRequiredService<IDocumentStore>().Collection<TDocument>(collection),
            toMessage,
            sp.GetRequiredService<IBus>(),
            sp.GetRequiredService<OutboxSignal>(),
            sp.GetRequiredService<ILogger<OutboxRelay<TDocument>>>(),
            batch));
        return services;
    }
}

public sealed class OutboxRelay<TDocument>(
    IDocumentCollection<TDocument> collection,
    Func<TDocument, object> toMessage,
    IBus bus,
    OutboxSignal signal,
    ILogger<OutboxRelay<TDocument>> logger,
    int batch = OutboxRelay<TDocument>.DefaultBatch) : BackgroundService
    where TDocument : class, IOutboxDocument
{
    public const int DefaultBatch = 256;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _wake = signal.Subscribe();

    // When each still-unrelayed document was first seen, for the backlog and age metrics.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _waiting = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        PlatformMetrics.ObserveOutbox(typeof(TDocument).Name, () =>
            (_waiting.Count, _waiting.IsEmpty ? 0 : (DateTimeOffset.UtcNow - _waiting.Values.Min()).TotalSeconds));
        await collection.EnsureIndexAsync("relayed", stoppingToken);
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var relayed = await RelayBatchAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (relayed == batch)
                {
                    continue;
                }

                await _wake.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                PlatformMetrics.OutboxFailures.Add(1, new KeyValuePair<string, object?>("document", typeof(TDocument).Name));
                backoff = TimeSpan.FromMilliseconds(Math.Min(5000, Math.Max(250, backoff.TotalMilliseconds * 2)));
                logger.LogWarning(e, "Outbox relay of {Document} failed; retrying in {Backoff}", typeof(TDocument).Name, backoff);
                await Task.Delay(backoff, stoppingToken);
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        var pending = await collection.FindAsync(Query.Where("relayed", false).Take(batch), ct);
        if (pending.Count == 0)
        {
            _waiting.Clear();
            return 0;
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var document in pending)
        {
            _waiting.TryAdd(document.Id, now);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PublishTimeout);
        await Task.WhenAll(pending.Select(d => RelayAsync(d, timeout.Token)));
        PlatformMetrics.OutboxRelayed.Add(pending.Count, new KeyValuePair<string, object?>("document", typeof(TDocument).Name));
        return pending.Count;
    }

    private async Task RelayAsync(TDocument document, CancellationToken ct)
    {
        ActivityContext.TryParse(document.TraceParent, null, out var parent);
        using (var activity = PlatformTelemetry.Source.StartActivity("outbox relay", ActivityKind.Producer, parent))
        {
            activity?.SetTag("outbox.document", document.Id);
            var message = toMessage(document);
            await bus.Publish(message, message.GetType(), context => context.MessageId = MessageIdFor(document.Id), ct);
        }

        // Marked only after the broker confirmed; a crash in between publishes again, which consumers absorb.
        await collection.SetFieldAsync(document.Id, "relayed", true, ct);
        _waiting.TryRemove(document.Id, out _);
    }

    public static Guid MessageIdFor(string documentId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(documentId));
        return new Guid(hash.AsSpan(0, 16));
    }
}
