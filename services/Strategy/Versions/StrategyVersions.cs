using System.Diagnostics;
using System.Text.Json;
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
    /// Stores <paramref name="edit"/> applied to the latest strategy as the next version. The edit runs again on
    /// every attempt, so it is checked against the strategy it changes. Returns the latest version unchanged when
    /// the edit alters nothing, the refusal when the edit does not apply, and <see cref="AppendResult.Contended"/>
    /// when other writers kept winning the race.
    /// </summary>
    public async Task<AppendResult> AppendAsync(Func<StrategyContent?, Edit> edit, string changedBy, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var latest = await LatestAsync(ct);
            var outcome = edit(latest?.Strategy);
            if (outcome.Next is not { } next)
            {
                return new AppendResult(latest, Changed: false, outcome);
            }

            if (latest is not null && SameContent(latest.Strategy, next))
            {
                return new AppendResult(latest, Changed: false);
            }

            var number = (latest?.Version ?? 0) + 1;
            var summary = ChangeSummary.Describe(latest?.Strategy, next);
            var version = new StrategyVersion(
                StrategyVersion.IdFor(number), number, time.GetUtcNow(), changedBy, summary, next, Relayed: false, Activity.Current?.Id);
            if (await _versions.TryInsertAsync(version.Id, version, ct))
            {
                outbox.Notify();
                return new AppendResult(version, Changed: true);
            }
        }

        return AppendResult.Contended;
    }

    /// <summary>Up to <paramref name="limit"/> versions before <paramref name="before"/> (or from the latest), newest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(int? before, int limit, CancellationToken ct)
    {
        var latest = await LatestAsync(ct);
        if (latest is null)
        {
            return [];
        }

        // Version numbers run 1, 2, 3, ... without gaps, so a page is read by id.
        var top = Math.Min(latest.Version, (before ?? latest.Version + 1) - 1);
        var entries = new List<HistoryEntry>();
        for (var number = top; number >= 1 && entries.Count < limit; number--)
        {
            if (await GetAsync(number, ct) is not { } version)
            {
                continue;
            }

            var summary = version.Summary
                ?? ChangeSummary.Describe(number > 1 ? (await GetAsync(number - 1, ct))?.Strategy : null, version.Strategy);
            entries.Add(new HistoryEntry(version.Version, version.ChangedAt, version.ChangedBy, summary));
        }

        return entries;
    }

    private static bool SameContent(StrategyContent a, StrategyContent b) =>
        JsonSerializer.Serialize(a, DocumentJson.Options) == JsonSerializer.Serialize(b, DocumentJson.Options);
}

/// <summary>One line of <c>GET /api/v1/strategy/history</c>.</summary>
public sealed record HistoryEntry(int Version, DateTimeOffset ChangedAt, string ChangedBy, string Summary);
