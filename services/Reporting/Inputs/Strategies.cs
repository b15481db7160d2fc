using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Reporting.Inputs;

/// <summary>The newest strategy this service has heard of (one document), as <c>StrategyChanged</c> carried it.</summary>
public sealed record StoredStrategy(string Id, int Version, DateTimeOffset ChangedAt, StrategySnapshot Strategy);

public sealed class Strategies(IDocumentStore store)
{
    public const string CollectionName = "strategy";
    private const string CurrentId = "current";

    private readonly IDocumentCollection<StoredStrategy> _strategy = store.Collection<StoredStrategy>(CollectionName);

    public Task<StoredStrategy?> CurrentAsync(CancellationToken ct) => _strategy.GetAsync(CurrentId, ct);

    /// <summary>
    /// Keeps the change when its version is higher than the stored one. True when it is the current version
    /// afterwards (also for a redelivered duplicate), false when a higher version is already stored.
    /// </summary>
    public async Task<bool> KeepHighestAsync(StrategyChanged change, CancellationToken ct)
    {
        var next = new StoredStrategy(CurrentId, change.Version, change.ChangedAt, change.Strategy);
        while (true)
        {
            var current = await _strategy.GetAsync(CurrentId, ct);
            if (current is null)
            {
                if (await _strategy.TryInsertAsync(CurrentId, next, ct))
                {
                    return true;
                }

                continue;
            }

            if (change.Version <= current.Version)
            {
                return change.Version == current.Version;
            }

            if (await _strategy.TryReplaceAsync(CurrentId, next, "version", current.Version, ct))
            {
                return true;
            }
        }
    }
}
