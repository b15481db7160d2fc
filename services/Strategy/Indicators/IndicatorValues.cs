using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Strategy.Indicators;

/// <summary>The latest calculation of every survey round this service has heard of, reduced to what targets need.</summary>
public sealed class IndicatorValues(IDocumentStore store)
{
    public const string CollectionName = "indicator_rounds";

    // One collection object for the process, so the adapter's per-collection lock covers every writer here.
    private readonly IDocumentCollection<RoundValues> _rounds = store.Collection<RoundValues>(CollectionName);

    /// <summary>
    /// Keeps <paramref name="calculation"/> when it is newer than the round's stored one. True when it is the
    /// round's current calculation afterwards (also for a redelivered duplicate), false when it lost.
    /// </summary>
    public async Task<bool> KeepLatestAsync(IndicatorsRecalculated calculation, CancellationToken ct)
    {
        while (true)
        {
            var current = await _rounds.GetAsync(calculation.RoundId, ct);
            if (current is null)
            {
                if (await _rounds.TryInsertAsync(calculation.RoundId, RoundValues.From(calculation, 1), ct))
                {
                    return true;
                }

                continue;
            }

            if (current.CalculationId == calculation.CalculationId)
            {
                return true;
            }

            if (!RoundValues.IsNewer(calculation, current))
            {
                return false;
            }

            var next = RoundValues.From(calculation, current.Revision + 1);
            if (await _rounds.TryReplaceAsync(calculation.RoundId, next, "revision", current.Revision, ct))
            {
                return true;
            }
        }
    }

    /// <summary>Everything known about indicators now; a few documents per survey year, so read whole.</summary>
    public async Task<IndicatorFacts> FactsAsync(CancellationToken ct) =>
        new(await _rounds.FindAsync(Query.All, ct));
}
