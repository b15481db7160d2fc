using System.Diagnostics;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.Reporting.Regeneration;

/// <summary>
/// Regenerates the reports of dirty years. Waits until marks stop arriving for a moment, so a burst of
/// recalculations gives one edition built from the newest inputs rather than one per message. Replicas share the
/// years: a replica generates a year only under its claim (<see cref="ReportYears.TryClaimAsync"/>), so two do not
/// render the same edition at once; the edition number itself is guarded by insert-if-absent in
/// <see cref="EditionGenerator"/>, which holds even when a claim ran out.
/// </summary>
public sealed class ReportRegenerator(
    ReportYears years,
    EditionGenerator generator,
    RegenerationSignal signal,
    TimeProvider time,
    ILogger<ReportRegenerator> logger) : BackgroundService
{
    /// <summary>Longer than any generation takes; only a replica dying mid-generation makes another wait this long.</summary>
    private static readonly TimeSpan Claim = TimeSpan.FromSeconds(60);

    private readonly string _replica = ProcessInstance.Id;

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
                await generator.GenerateAsync(year.Year, ct);
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
