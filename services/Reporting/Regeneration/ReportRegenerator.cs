using System.Diagnostics;
using VisionEHalsa.Reporting.Editions;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.Reporting.Regeneration;

/// <summary>
/// Regenerates the reports of dirty years. Waits until marks stop arriving for a moment, so a burst of
/// recalculations gives one edition built from the newest inputs rather than one per message. Replicas share the
/// years: a replica generates a year only under its claim (<see cref="ReportYears.TryClaimAsync"/>), so two do not
/// render the same edition at once; the edition number itself is guarded by insert-if-absent in
/// <see cref="EditionGenerator"/>, which holds even when a claim ran out. When no year is dirty, the PDF and XLSX of
/// the editions it made are rendered, newest of each year only: an edition superseded during a burst gets them only
/// if somebody asks (<see cref="EditionFiles"/>), and a new mark is never kept waiting for more than one format.
/// </summary>
public sealed class ReportRegenerator(
    ReportYears years,
    EditionGenerator generator,
    ReportEditions editions,
    EditionFiles files,
    RegenerationSignal signal,
    TimeProvider time,
    ILogger<ReportRegenerator> logger) : BackgroundService
{
    /// <summary>Longer than any generation takes; only a replica dying mid-generation makes another wait this long.</summary>
    private static readonly TimeSpan Claim = TimeSpan.FromSeconds(60);

    private readonly string _replica = ProcessInstance.Id;

    // Editions this replica made whose PDF and XLSX are not rendered yet, by year.
    private readonly Dictionary<int, ReportEdition> _unfinished = [];

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await years.EnsureIndexesAsync(stoppingToken);
        await generator.EnsureIndexesAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await signal.WaitAsync(Poll, stoppingToken))
                {
                    await DebounceAsync(stoppingToken);
                }

                await RegenerateDirtyYearsAsync(stoppingToken);
                await FinishEditionsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Report regeneration failed; retrying in {Backoff}", Backoff);
                await Task.Delay(Backoff, stoppingToken);
            }
        }
    }

    private async Task DebounceAsync(CancellationToken ct)
    {
        // A steady stream must not postpone the report forever: after LongestWait it is generated anyway.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < LongestWait && await signal.WaitAsync(Quiet, ct))
        {
        }
    }

    /// <summary>
    /// A year another replica holds is left to it: that replica clears it only if nothing marked it meanwhile,
    /// and otherwise generates it again itself.
    /// </summary>
    private async Task RegenerateDirtyYearsAsync(CancellationToken ct)
    {
        foreach (var seen in await years.DirtyAsync(ct))
        {
            if (await years.TryClaimAsync(seen.Id, _replica, time.GetUtcNow(), Claim, ct) is not { } year)
            {
                continue;
            }

            ActivityContext.TryParse(year.TraceParent, null, out var parent);
            using var activity = PlatformTelemetry.Source.StartActivity("report regeneration", ActivityKind.Internal, parent);
            activity?.SetTag("platform.report.year", year.Year);
            try
            {
                if (await generator.GenerateAsync(year.Year, ct) is { } edition)
                {
                    _unfinished[year.Year] = edition;
                }
            }
            catch (Exception e)
            {
                await LetGoAsync(year);
                if (e is OperationCanceledException)
                {
                    throw;
                }

                // One year's fault must not hold back the others; it stays dirty and is tried again at the next poll.
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                logger.LogError(e, "Regenerating the report for {Year} failed", year.Year);
                continue;
            }

            if (!await years.TryClearAsync(year, ct))
            {
                signal.Notify();
            }
        }
    }

    /// <summary>
    /// Renders the formats made after the edition for the newest edition of each year this replica made, one format
    /// at a time, and stops as soon as a year is marked again: that year's next edition comes first.
    /// </summary>
    private async Task FinishEditionsAsync(CancellationToken ct)
    {
        foreach (var (year, edition) in _unfinished.ToList())
        {
            if (signal.Pending)
            {
                return;
            }

            var latest = await editions.LatestAsync(year, ct);
            if (latest?.Edition != edition.Edition || await files.CompleteAsync(latest, () => signal.Pending, ct))
            {
                _unfinished.Remove(year);
            }
        }
    }

    /// <summary>Best effort: if this fails too, the claim runs out by itself.</summary>
    private async Task LetGoAsync(ReportYear year)
    {
        try
        {
            await years.ReleaseAsync(year, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not let go of the claim on the report for {Year}; it runs out in {Seconds} s", year.Year, Claim.TotalSeconds);
        }
    }
}
