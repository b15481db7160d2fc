using System.Diagnostics;
using System.Globalization;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Reporting.Regeneration;

/// <summary>
/// A report year and whether it awaits regeneration. Durable, so a restart regenerates what was pending.
/// <see cref="Marks"/> counts writes (requests and claims): a year is cleared only if nothing was written to it
/// while it was generated. Replicas share it: one generates the year at a time, under a claim
/// (<see cref="ClaimedBy"/> until <see cref="ClaimedUntil"/>) that a replica dying mid-generation leaves to run out.
/// </summary>
public sealed record ReportYear(string Id, int Year, bool Dirty, long Marks, string? TraceParent, string? ClaimedBy = null, DateTimeOffset? ClaimedUntil = null)
{
    public bool IsClaimedByOtherThan(string replica, DateTimeOffset now) =>
        ClaimedBy is not null && ClaimedBy != replica && ClaimedUntil > now;
}

public sealed class ReportYears(IDocumentStore store)
{
    public const string CollectionName = "report_years";

    private readonly IDocumentCollection<ReportYear> _years = store.Collection<ReportYear>(CollectionName);

    public async Task MarkAsync(int year, CancellationToken ct)
    {
        var id = year.ToString(CultureInfo.InvariantCulture);
        var traceParent = Activity.Current?.Id;
        while (true)
        {
            var current = await _years.GetAsync(id, ct);
            if (current is null)
            {
                if (await _years.TryInsertAsync(id, new ReportYear(id, year, true, 1, traceParent), ct))
                {
                    return;
                }

                continue;
            }

            var marked = current with { Dirty = true, Marks = current.Marks + 1, TraceParent = traceParent };
            if (await _years.TryReplaceAsync(id, marked, "marks", current.Marks, ct))
            {
                return;
            }
        }
    }

    /// <summary>Marks every year that has had data: a strategy change may alter any of their reports.</summary>
    public async Task MarkAllAsync(CancellationToken ct)
    {
        // In ascending order, as the regenerator works, so earlier years are never regenerated after later ones.
        foreach (var year in (await _years.FindAsync(Query.All, ct)).OrderBy(y => y.Year))
        {
            await MarkAsync(year.Year, ct);
        }
    }

    /// <summary>
    /// Marks the years after <paramref name="year"/>, up to <paramref name="through"/>, that have had data: their
    /// reports show this year in their series and as their "year before".
    /// </summary>
    public async Task MarkLaterAsync(int year, int through, CancellationToken ct)
    {
        foreach (var later in (await _years.FindAsync(Query.All, ct)).Where(y => y.Year > year && y.Year <= through).OrderBy(y => y.Year))
        {
            await MarkAsync(later.Year, ct);
        }
    }

    public async Task<IReadOnlyList<ReportYear>> DirtyAsync(CancellationToken ct) =>
        (await _years.FindAsync(Query.Where("dirty", true), ct)).OrderBy(y => y.Year).ToList();

    /// <summary>
    /// Claims the year for one generation by <paramref name="replica"/>; null when it is no longer dirty or another
    /// replica holds an unexpired claim. A claim that loses the race with a mark reads the year again and retries.
    /// </summary>
    public async Task<ReportYear?> TryClaimAsync(string id, string replica, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var current = await _years.GetAsync(id, ct);
            if (current is not { Dirty: true } || (!store.SoleProcess && current.IsClaimedByOtherThan(replica, now)))
            {
                return null;
            }

            var claimed = current with { Marks = current.Marks + 1, ClaimedBy = replica, ClaimedUntil = now + lease };
            if (await _years.TryReplaceAsync(id, claimed, "marks", current.Marks, ct))
            {
                return claimed;
            }
        }

        return null;
    }

    /// <summary>
    /// Clears the year and lets the claim go; false when the year was marked again meanwhile, so it stays dirty
    /// (and claimed by the same replica, which generates it once more).
    /// </summary>
    public Task<bool> TryClearAsync(ReportYear claimed, CancellationToken ct) =>
        _years.TryReplaceAsync(claimed.Id, claimed with { Dirty = false, ClaimedBy = null, ClaimedUntil = null }, "marks", claimed.Marks, ct);

    /// <summary>Lets a claim go without generating (a failure, or the service stopping), so another replica need not wait for the lease.</summary>
    public async Task ReleaseAsync(ReportYear claimed, CancellationToken ct)
    {
        while (await _years.GetAsync(claimed.Id, ct) is { } current && current.ClaimedBy == claimed.ClaimedBy)
        {
            var released = current with { Marks = current.Marks + 1, ClaimedBy = null, ClaimedUntil = null };
            if (await _years.TryReplaceAsync(current.Id, released, "marks", current.Marks, ct))
            {
                return;
            }
        }
    }

    public Task EnsureIndexesAsync(CancellationToken ct) => _years.EnsureIndexAsync("dirty", ct);
}
