using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace VisionEHalsa.Platform.Bench;

public sealed record ThroughputRun(string Target, int Clients, string RoundId, int Sent, int Accepted, int Refused, int Failed,
    double Seconds, double AcceptedPerSecond, IReadOnlyDictionary<string, double> CpuSeconds, IReadOnlyDictionary<string, int> Statuses);

public sealed record ThroughputResult(int Clients, double GatewayPerSecond, double DirectPerSecond, double GatewayOverDirect);

public sealed record ThroughputSection(IReadOnlyList<ThroughputResult> Results, IReadOnlyList<ThroughputRun> Runs);

/// <summary>
/// Accepted responses per second with a fixed number of concurrent clients, through the gateway and straight to the
/// survey service with the same token. Each run is a new round, starts when the platform is quiet, sends a fixed
/// number of PUTs (the 290 kommuner in turn: first answers, then corrections) and stops at a time limit.
/// </summary>
public sealed class Throughput(PlatformApi api, ProcessWatch watch, IReadOnlyList<string> kommuner, YearPlan years, BenchOptions options)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly byte[][] _bodies = [.. kommuner.Select(k => DemoAnswers.Body(k))];

    public async Task<ThroughputSection> RunAsync()
    {
        // JIT, connection pools and the first writes of every collection, on both paths, before anything counts.
        await MeasureAsync("gateway", api.Gateway, 16, Math.Min(300, options.ThroughputRequests / 2));
        await MeasureAsync("direct", api.Survey, 16, Math.Min(300, options.ThroughputRequests / 2));

        var runs = new List<ThroughputRun>();
        for (var repetition = 0; repetition < options.ThroughputRepetitions; repetition++)
        {
            foreach (var clients in new[] { 16, 64 })
            {
                // Alternating the order spreads drift (a build starting beside us, a growing store) over both paths alike.
                var order = repetition % 2 == 0 ? new[] { "direct", "gateway" } : ["gateway", "direct"];
                foreach (var target in order)
                {
                    var run = await MeasureAsync(target, target == "gateway" ? api.Gateway : api.Survey, clients, options.ThroughputRequests);
                    runs.Add(run);
                    Console.WriteLine($"  throughput {target,-7} {clients,2} clients: {run.AcceptedPerSecond,7:F0} accepted/s ({run.Accepted}/{run.Sent} in {run.Seconds:F1} s)");
                }
            }
        }

        var results = new[] { 16, 64 }.Select(clients =>
        {
            var gateway = Stats.Median(runs.Where(r => r.Clients == clients && r.Target == "gateway").Select(r => r.AcceptedPerSecond));
            var direct = Stats.Median(runs.Where(r => r.Clients == clients && r.Target == "direct").Select(r => r.AcceptedPerSecond));
            return new ThroughputResult(clients, Math.Round(gateway, 1), Math.Round(direct, 1), Math.Round(gateway / direct, 3));
        }).ToList();
        return new ThroughputSection(results, runs);
    }

    private async Task<ThroughputRun> MeasureAsync(string target, HttpClient client, int clients, int requests)
    {
        var round = await api.OpenRoundAsync("throughput", years.Next("throughput"));
        await watch.WaitUntilQuietAsync(TimeSpan.FromSeconds(60));
        var statuses = new ConcurrentDictionary<string, int>();
        var next = -1;
        using var limit = new CancellationTokenSource(Limit);
        var cpuBefore = watch.CpuSeconds();
        cpuBefore["load generator"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && !limit.IsCancellationRequested)
            {
                var k = i % kommuner.Count;
                string status;
                try
                {
                    status = ((int)await PlatformApi.SubmitAsync(client, round, kommuner[k], _bodies[k], limit.Token)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    status = limit.IsCancellationRequested ? "time limit" : e.GetType().Name;
                }

                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuAfter = watch.CpuSeconds();
        cpuAfter["load generator"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var accepted = statuses.GetValueOrDefault(((int)HttpStatusCode.OK).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var refused = statuses.Where(s => s.Key.Length == 3 && s.Key[0] == '4').Sum(s => s.Value);
        var sent = statuses.Values.Sum();
        return new ThroughputRun(target, clients, round, sent, accepted, refused, sent - accepted - refused, Math.Round(seconds, 3),
            Math.Round(accepted / seconds, 1), cpuAfter.ToDictionary(c => c.Key, c => Math.Round(c.Value - cpuBefore[c.Key], 2)),
            new Dictionary<string, int>(statuses));
    }
}
