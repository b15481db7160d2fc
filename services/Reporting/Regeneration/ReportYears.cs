using System.Diagnostics;
using System.Globalization;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Reporting.Regeneration;

/// <summary>
/// A report year and whether it awaits regeneration. Durable, so a restart regenerates what was pending.
/// <see cref="Marks"/> counts requests: a year is cleared only if no request arrived while it was generated.
/// </summary>
public sealed record ReportYear(string Id, int Year, bool Dirty, long Marks, string? TraceParent);

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

    /// <summary>False when the year was marked again meanwhile, so it stays dirty and is generated once more.</summary>
    public Task<bool> TryClearAsync(ReportYear year, CancellationToken ct) =>
        _years.TryReplaceAsync(year.Id, year with { Dirty = false }, "marks", year.Marks, ct);

    public Task EnsureIndexesAsync(CancellationToken ct) => _years.EnsureIndexAsync("dirty", ct);
}
