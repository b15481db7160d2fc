using System.Diagnostics;
using System.Net;

namespace VisionEHalsa.Platform.Bench;

/// <summary>One round: <see cref="AcceptedPerSecond"/> is the submission rate per tenth of the versions, which shows whether a growing round slows the survey.</summary>
public sealed record FreshnessRun(int Year, string RoundId, int Responses, double SubmitSeconds, double FreshnessMs, int Edition, int EditionsSeen,
    IReadOnlyList<double> AcceptedPerSecond);

public sealed record FreshnessResult(int Responses, string Shape, int Repetitions, double P50Ms, double P95Ms, IReadOnlyList<FreshnessRun> Runs);

/// <summary>
/// From the last accepted response of a fresh round to the moment an edition of its year's report that includes it can
/// be downloaded: the clock starts when the last PUT is answered and stops when a downloaded <c>latest.csv</c> shows it.
/// The report listing of the year is polled (small), and the CSV fetched only when a new edition appears.
/// </summary>
public sealed class Freshness(PlatformApi api, ProcessWatch watch, IReadOnlyList<string> kommuner, YearPlan years, TimeSpan patience)
{
    private const int Clients = 16;

    /// <summary>Every kommun answers once; done when the riket row of DIGPLAN counts all of them. One unmeasured round first warms up all five processes.</summary>
    public async Task<FreshnessResult> OneResponseEachAsync(int repetitions)
    {
        var warmUp = await OnceAsync(1);
        Console.WriteLine($"  (warm-up round: {warmUp.FreshnessMs:F0} ms, not counted)");
        return await RepeatAsync(repetitions, Timeout.InfiniteTimeSpan, 1, $"{kommuner.Count} kommuner, one response each");
    }

    /// <summary>
    /// The survey knows only the 290 real kommuner (its register is embedded, with no way to add synthetic
    /// organisations), so a large round is <paramref name="corrections"/> versions of every kommun's response in
    /// turn: versions 1 to n-1 say DIGPLAN = no, version n says yes, and latest wins. Done when the riket row of
    /// DIGPLAN has a numerator of 290: only the last versions of all kommuner give that. Stops repeating when another
    /// run as long as the last would overrun <paramref name="budget"/>.
    /// </summary>
    public Task<FreshnessResult> CorrectionsAsync(int repetitions, int corrections, TimeSpan budget) =>
        RepeatAsync(repetitions, budget, corrections, $"{corrections} corrections × {kommuner.Count} kommuner in one round (versions 1..{corrections}, latest wins)");

    private async Task<FreshnessResult> RepeatAsync(int repetitions, TimeSpan budget, int versions, string shape)
    {
        var runs = new List<FreshnessRun>();
        var spent = Stopwatch.StartNew();
        for (var i = 0; i < repetitions; i++)
        {
            if (i > 0 && budget != Timeout.InfiniteTimeSpan && spent.Elapsed * (i + 1) / i > budget)
            {
                Console.WriteLine($"  stopped after {i} of {repetitions} runs: another would overrun the budget of {budget.TotalMinutes:F0} minutes");
                break;
            }

            var run = await OnceAsync(versions, budget);
            runs.Add(run);
            Console.WriteLine($"  freshness {run.Responses,6:N0} responses: {run.FreshnessMs,7:F0} ms (submitted in {run.SubmitSeconds:F1} s, edition {run.Edition})");
        }

        var times = runs.Select(r => r.FreshnessMs).ToList();
        return new FreshnessResult(versions * kommuner.Count, shape, runs.Count, Math.Round(Stats.Median(times), 1),
            Math.Round(Stats.Percentile(times, 95), 1), runs);
    }

    private async Task<FreshnessRun> OnceAsync(int versions, TimeSpan submitLimit = default)
    {
        var purpose = versions == 1 ? "freshness" : "freshness-large";
        var year = years.Next(purpose);
        var round = await api.OpenRoundAsync(purpose, year);
        var bodies = kommuner.Select(k => versions == 1 ? DemoAnswers.Body(k) : DemoAnswers.Body(k, digplan: false)).ToArray();
        var last = kommuner.Select(k => DemoAnswers.Body(k, digplan: true)).ToArray();
        await watch.WaitUntilQuietAsync(TimeSpan.FromSeconds(60));

        // Version by version, so a kommun's version n is sent only after its version n-1 was answered.
        var submitting = Stopwatch.StartNew();
        var (rates, step, stepStarted) = (new List<double>(), Math.Max(1, versions / 10), TimeSpan.Zero);
        for (var version = 1; version <= versions; version++)
        {
            if (submitLimit > TimeSpan.Zero && submitLimit != Timeout.InfiniteTimeSpan && submitting.Elapsed > submitLimit)
            {
                throw new TimeoutException($"{round}: {(version - 1) * kommuner.Count:N0} of {versions * kommuner.Count:N0} responses submitted in "
                    + $"{submitting.Elapsed.TotalMinutes:F0} min, over the budget; accepted/s per tenth of the versions: {string.Join(", ", rates.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
            }

            var body = version == versions && versions > 1 ? last : bodies;
            await Parallel.ForEachAsync(Enumerable.Range(0, kommuner.Count), new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (k, ct) =>
            {
                var status = await PlatformApi.SubmitAsync(api.Gateway, round, kommuner[k], body[k], ct);
                if (status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"The response of {kommuner[k]} (version {version}) in {round} was refused: {(int)status}.");
                }
            });
            if (versions > 1 && (version % step == 0 || version == versions))
            {
                var versionsInStep = version % step == 0 ? step : version % step;
                rates.Add(Math.Round(versionsInStep * kommuner.Count / (submitting.Elapsed - stepStarted).TotalSeconds, 1));
                stepStarted = submitting.Elapsed;
                Console.WriteLine($"    {version * kommuner.Count,6:N0} of {versions * kommuner.Count:N0} submitted in {submitting.Elapsed.TotalSeconds,5:F0} s ({rates[^1]:F0} accepted/s lately)");
            }
        }

        var sinceLastAccepted = Stopwatch.StartNew();
        var submitSeconds = submitting.Elapsed.TotalSeconds;
        var (seen, checkedEditions) = (0, 0);
        while (sinceLastAccepted.Elapsed < patience)
        {
            var edition = await api.LatestEditionAsync(year, CancellationToken.None);
            if (edition > seen)
            {
                seen = edition;
                checkedEditions++;
                if (await api.LatestCsvAsync(year, CancellationToken.None) is { } csv && Includes(csv, versions > 1))
                {
                    return new FreshnessRun(year, round, versions * kommuner.Count, Math.Round(submitSeconds, 2),
                        Math.Round(sinceLastAccepted.Elapsed.TotalMilliseconds, 1), edition, checkedEditions, rates);
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No edition of the {year} report included the last response of {round} within {patience.TotalSeconds} s.");
    }

    private bool Includes(string csv, bool corrected)
    {
        var riket = ReportCsv.Rows(csv).FirstOrDefault(r => r["indicator"] == "DIGPLAN" && r["level"] == "riket");
        return riket is not null && ReportCsv.Number(riket, "denominator") == kommuner.Count
            && (!corrected || ReportCsv.Number(riket, "numerator") == kommuner.Count);
    }
}
