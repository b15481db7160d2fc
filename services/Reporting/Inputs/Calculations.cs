using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Reporting.Inputs;

public sealed class Calculations(IDocumentStore store)
{
    public const string CollectionName = "calculations";

    // One collection object for the process, so the adapter's per-collection lock covers every writer here.
    private readonly IDocumentCollection<StoredCalculation> _calculations = store.Collection<StoredCalculation>(CollectionName);

    /// <summary>
    /// Keeps <paramref name="calculation"/> when it is newer than the round's stored one. True when it is the
    /// round's current calculation afterwards (also for a redelivered duplicate), false when it lost.
    /// </summary>
    public async Task<bool> KeepLatestAsync(IndicatorsRecalculated calculation, CancellationToken ct)
    {
        while (true)
        {
            var current = await _calculations.GetAsync(calculation.RoundId, ct);
            if (current is null)
            {
                if (await _calculations.TryInsertAsync(calculation.RoundId, StoredCalculation.From(calculation, 1), ct))
                {
                    return true;
                }

                continue;
            }

            if (current.CalculationId == calculation.CalculationId)
            {
                return true;
            }

            if (!StoredCalculation.IsNewer(calculation, current))
            {
                return false;
            }

            var next = StoredCalculation.From(calculation, current.Revision + 1);
            if (await _calculations.TryReplaceAsync(calculation.RoundId, next, "revision", current.Revision, ct))
            {
                return true;
            }
        }
    }

    /// <summary>The current calculation of every round of <paramref name="year"/>, in round order.</summary>
    public async Task<IReadOnlyList<StoredCalculation>> ForYearAsync(int year, CancellationToken ct)
    {
        var calculations = await _calculations.FindAsync(Query.Where("year", year), ct);
        return calculations.OrderBy(c => c.RoundId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The current calculations of the years from <paramref name="from"/> through <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<StoredCalculation>> ForYearsAsync(int from, int to, CancellationToken ct)
    {
        var all = new List<StoredCalculation>();
        for (var year = from; year <= to; year++)
        {
            all.AddRange(await ForYearAsync(year, ct));
        }

        return all;
    }

    public Task EnsureIndexesAsync(CancellationToken ct) => _calculations.EnsureIndexAsync("year", ct);
}
