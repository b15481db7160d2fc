using System.Diagnostics;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.Reporting.Regeneration;

/// <summary>
/// Regenerates the reports of dirty years. Waits until marks stop arriving for a moment, so a burst of
/// recalculations gives one edition built from the newest inputs rather than one per message.
/// </summary>
public sealed class ReportRegenerator(
    ReportYears years,
    EditionGenerator generator,
    RegenerationSignal signal,
    ILogger<ReportRegenerator> logger) : BackgroundService
{
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

    private async Task RegenerateDirtyYearsAsync(CancellationToken ct)
    {
        foreach (var year in await years.DirtyAsync(ct))
        {
            ActivityContext.TryParse(year.TraceParent, null, out var parent);
            using var activity = PlatformTelemetry.Source.StartActivity("report regeneration", ActivityKind.Internal, parent);
            activity?.SetTag("platform.report.year", year.Year);
            try
            {
                await generator.GenerateAsync(year.Year, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
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
}
