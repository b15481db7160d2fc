using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Answers;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.Indicator.ReferenceData;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.Indicator.Calculations;

/// <summary>
/// Recalculates dirty rounds. Once woken it waits for a short quiet time (at most a maximum delay), so a burst
/// of responses makes a few recalculations, not one each; a round marked dirty while it ran stays dirty and is
/// recalculated again, so the last calculation always includes every stored response.
/// Replicas share the rounds: each recalculation runs under a claim on the round (<see cref="RoundStates.TryClaimAsync"/>)
/// whose sequence number the calculation carries. The last claim of a round is taken after its last write, so the
/// calculation with the highest sequence includes every stored response, and consumers keep the highest.
/// </summary>
public sealed class Recalculator(
    RoundStates rounds,
    AnswerStore answers,
    DefinitionStore definitions,
    CalculationStore calculations,
    RecalculationSignal signal,
    TimeProvider time,
    IOptions<RecalculationOptions> options,
    ILogger<Recalculator> logger) : BackgroundService
{
    private static readonly Counter<long> Recalculations =
        PlatformMetrics.Meter.CreateCounter<long>("platform.indicator.recalculations", description: "Round recalculations that stored a new calculation");

    private static readonly Histogram<double> RecalculationTime = PlatformMetrics.Meter.CreateHistogram<double>(
        "platform.recalculation.duration", unit: "ms", description: "Time to recalculate every indicator of a round and store the result");

    /// <summary>This replica's name in the claims it takes: unique per process start.</summary>
    private readonly string _replica = ProcessInstance.Id;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        var prepared = false;
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!prepared)
                {
                    await EnsureIndexesAsync(stoppingToken);
                    prepared = true;
                }

                if ((await rounds.DirtyAsync(stoppingToken)).Count == 0)
                {
                    await signal.WaitAsync(poll, stoppingToken);
                    continue;
                }

                await SettleAsync(stoppingToken);
                var failed = false;
                foreach (var round in await rounds.DirtyAsync(stoppingToken))
                {
                    failed |= !await TryRecalculateAsync(round, stoppingToken);
                }

                backoff = failed ? Longer(backoff) : TimeSpan.Zero;
                await Task.Delay(backoff, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                backoff = Longer(backoff);
                logger.LogError(e, "Looking for dirty rounds failed; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, time, stoppingToken);
            }
        }
    }

    /// <summary>Waits until no round was marked dirty for the debounce time, or at most the maximum delay.</summary>
    private async Task SettleAsync(CancellationToken ct)
    {
        var debounce = TimeSpan.FromMilliseconds(options.Value.DebounceMilliseconds);
        var deadline = time.GetUtcNow().AddMilliseconds(options.Value.MaxDelayMilliseconds);
        while (time.GetUtcNow() < deadline && await signal.WaitAsync(debounce, ct))
        {
            // Another response arrived within the debounce time: wait for quiet again.
        }
    }

    /// <summary>
    /// One round's failure must not hold up the others; it stays dirty and is tried again after a pause. A round
    /// another replica is recalculating is left to it (it stays dirty until that replica finishes).
    /// </summary>
    private async Task<bool> TryRecalculateAsync(RoundState seen, CancellationToken ct)
    {
        var lease = TimeSpan.FromSeconds(options.Value.ClaimSeconds);
        if (await rounds.TryClaimAsync(seen.RoundId, _replica, time.GetUtcNow(), lease, ct) is not { } claimed)
        {
            return true;
        }

        try
        {
            await RecalculateAsync(claimed, ct);
            return true;
        }
        catch (Exception e)
        {
            await LetGoAsync(claimed);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            logger.LogError(e, "Recalculating round {Round} failed; it stays dirty and is retried", claimed.RoundId);
            return false;
        }
    }

    /// <summary>Best effort: if this fails too, the claim runs out by itself.</summary>
    private async Task LetGoAsync(RoundState claimed)
    {
        try
        {
            await rounds.ReleaseAsync(claimed, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not let go of the claim on round {Round}; it runs out in {Seconds} s", claimed.RoundId, options.Value.ClaimSeconds);
        }
    }

    private async Task RecalculateAsync(RoundState round, CancellationToken ct)
    {
        // Joins the trace of the write that made the round dirty, so a response can be followed to its values.
        ActivityContext.TryParse(round.TraceParent, null, out var parent);
        var links = (round.Waiting ?? []).Select(w => ActivityContext.TryParse(w, null, out var linked) ? new ActivityLink(linked) : default)
            .Where(l => l.Context != default).ToList();
        using var activity = PlatformTelemetry.Source.StartActivity("recalculate round", ActivityKind.Internal, parent, links: links);
        var started = Stopwatch.GetTimestamp();
        activity?.SetTag("platform.round", round.RoundId);

        var inForce = await definitions.InForceForAsync(round.QuestionnaireId, ct);
        var stored = await answers.ForRoundAsync(round.RoundId, ct);
        var now = time.GetUtcNow();
        if (inForce.Count == 0 || stored.Count == 0)
        {
            await rounds.FinishAsync(round, null, now, ct);
            return;
        }

        var population = KommunRegister.Embedded.ExpectedFor(round.Population, round.Expected);
        var values = IndicatorCalculator.Calculate([.. inForce.Select(CompiledIndicator.Of)], [.. stored.Select(Respondent.From)], population);
        var basis = new CalculationBasis(stored.Count, stored.Max(a => a.ReceivedAt), round.Sequence);
        var versions = CalculationDocument.VersionsOf(inForce);
        var id = CalculationDocument.IdFor(round.RoundId, basis, versions, stored.Select(a => $"{a.OrganisationId}@{a.Version}"),
            round.Population, round.Expected);
        activity?.SetTag("platform.calculation", id);

        var calculation = new CalculationDocument(id, round.RoundId, round.QuestionnaireId, round.Year, now, basis, versions,
            [.. inForce.Select(CompiledIndicator.Describe)], values, Relayed: false, TraceParent: Activity.Current?.Id);
        if (!await rounds.HoldsAsync(round, ct))
        {
            logger.LogWarning("Round {Round}: the claim ran out during recalculation {Sequence} and another replica took the round; this result is dropped",
                round.RoundId, round.Sequence);
            return;
        }

        if (await calculations.StoreAsync(calculation, ct))
        {
            Recalculations.Add(1);
            RecalculationTime.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            logger.LogInformation("Round {Round} recalculated as {Calculation} (sequence {Sequence}) from {Responses} responses",
                round.RoundId, id, round.Sequence, basis.Responses);
        }

        await rounds.FinishAsync(round, id, now, ct);
    }

    private static TimeSpan Longer(TimeSpan backoff) =>
        TimeSpan.FromMilliseconds(Math.Min(5000, Math.Max(250, backoff.TotalMilliseconds * 2)));

    private async Task EnsureIndexesAsync(CancellationToken ct)
    {
        await rounds.EnsureIndexesAsync(ct);
        await answers.EnsureIndexesAsync(ct);
        await definitions.EnsureIndexesAsync(ct);
        await calculations.EnsureIndexesAsync(ct);
    }
}
