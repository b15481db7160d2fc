using System.Diagnostics;
using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Strategy.Versions;

/// <summary>The store of strategy versions. Writers race for the next version id; the loser reads again and retries.</summary>
public sealed class StrategyVersions(IDocumentStore store, OutboxSignal outbox, TimeProvider time)
{
    public const string CollectionName = "strategy_versions"; // LiteDB allows only letters, digits and _ in collection names.
    private const int Attempts = 10;

    // One collection object for the process, so the adapter's per-collection lock covers every writer here.
    private readonly IDocumentCollection<StrategyVersion> _versions = store.Collection<StrategyVersion>(CollectionName);

    public async Task<StrategyVersion?> LatestAsync(CancellationToken ct)
    {
        var latest = await _versions.FindAsync(Query.All.OrderByDescending("version").Take(1), ct);
        return latest.Count == 0 ? null : latest[0];
    }

    public Task<StrategyVersion?> GetAsync(int version, CancellationToken ct) =>
        _versions.GetAsync(StrategyVersion.IdFor(version), ct);

    public Task EnsureIndexesAsync(CancellationToken ct) => _versions.EnsureIndexAsync("version", ct);

    /// <summary>
    /// Stores <paramref name="change"/> applied to the latest strategy as the next version. Returns the latest
    /// version unchanged when the change alters nothing, and <see cref="AppendResult.Contended"/> when other
    /// writers kept winning the race.
    /// </summary>
    public async Task<AppendResult> AppendAsync(Func<StrategySnapshot?, StrategySnapshot> change, string changedBy, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var latest = await LatestAsync(ct);
            var next = change(latest?.Strategy);
            if (latest is not null && SameContent(latest.Strategy, next))
            {
                return new AppendResult(latest, Changed: false);
            }

            var number = (latest?.Version ?? 0) + 1;
            var version = new StrategyVersion(
                StrategyVersion.IdFor(number), number, time.GetUtcNow(), changedBy, next, Relayed: false, Activity.Current?.Id);
            if (await _versions.TryInsertAsync(version.Id, version, ct))
            {
                outbox.Notify();
                return new AppendResult(version, Changed: true);
            }
        }

        return AppendResult.Contended;
    }

    private static bool SameContent(StrategySnapshot a, StrategySnapshot b) =>
        JsonSerializer.Serialize(a, DocumentJson.Options) == JsonSerializer.Serialize(b, DocumentJson.Options);
}

public sealed record AppendResult(StrategyVersion? Version, bool Changed)
{
    public static AppendResult Contended { get; } = new(null, false);
}
