using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// <c>./platform bench --soak [--minutes N]</c>: a modest, constant load through the gateway for a long time (responses at
/// a fixed rate, round after round with corrections, the year's report downloaded in every format now and then), while
/// every process is sampled: working set, managed heap (when its <c>/metrics</c> has it), open files and threads.
/// A resource that keeps growing under a constant load is a leak; one that levels off is a cache or a pool warming up.
/// </summary>
public sealed class Soak(PlatformApi api, ProcessWatch watch, IReadOnlyList<string> kommuner, BenchOptions options)
{
    /// <summary>More in flight than this and the platform is not keeping up: the tick is counted as skipped, not queued.</summary>
    private const int MaxInFlight = 32;

    /// <summary>Soak rounds take years of their own, from here up to the survey's last year (2100).</summary>
    private const int FirstYear = 2070, LastYear = 2100;

    private static readonly TimeSpan RoundLength = TimeSpan.FromMinutes(3), DownloadEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, int> _submissions = new(), _downloads = new();
    private readonly List<SoakSample> _samples = [];
    private readonly List<SoakRound> _rounds = [];
    private readonly Dictionary<string, HttpClient> _metrics = options.Processes.ToDictionary(p => p.Key, p => new HttpClient { BaseAddress = p.Value, Timeout = TimeSpan.FromSeconds(5) });
    private long _accepted, _skipped;
    private volatile SoakRound? _current;

    public async Task<(SoakReport Report, bool Healthy)> RunAsync()
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadBefore = await LoadAverageAsync();
        var duration = options.SoakDuration;
        // At least two rounds, so even a short soak opens, fills, corrects and closes rounds as a long one does.
        var roundLength = TimeSpan.FromTicks(Math.Max(Math.Min(RoundLength.Ticks, duration.Ticks / 2),
            duration.Ticks / (LastYear - FirstYear + 1)));
        Console.WriteLine($"== soak: {options.SoakRate} responses/s through the gateway for {duration.TotalMinutes:F0} min, a new round every "
            + $"{roundLength.TotalSeconds:F0} s, the reports downloaded every {DownloadEvery.TotalSeconds:F0} s, every process sampled every {options.SoakSampleSeconds} s");

        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        await SampleAsync(clock); // the start: after start-up, before any load
        var sampling = SampleLoopAsync(clock, stop.Token);
        await OpenNextRoundAsync(clock);
        var downloading = DownloadLoopAsync(stop.Token);

        using var inFlight = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        var interval = TimeSpan.FromSeconds(1.0 / options.SoakRate);
        for (long tick = 0; clock.Elapsed < duration; tick++)
        {
            var due = interval * tick;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            if (clock.Elapsed >= roundLength * _rounds.Count)
            {
                await OpenNextRoundAsync(clock);
            }

            if (!inFlight.Wait(0))
            {
                Interlocked.Increment(ref _skipped);
                continue;
            }

            _ = SubmitAsync(_current!, inFlight);
        }

        // Every response sent is answered before the last sample, so the end is the platform after the load.
        for (var i = 0; i < MaxInFlight; i++)
        {
            await inFlight.WaitAsync(TimeSpan.FromSeconds(90));
        }

        await stop.CancelAsync();
        await Task.WhenAll(sampling, downloading);
        await watch.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        await SampleAsync(clock);

        var summaries = SoakVerdict.Summarise(_samples);
        var alive = ProcessWatch.Names.All(n => ProcessWatch.Alive(watch.Pid(n)));
        var sent = _submissions.Values.Sum();
        var report = new SoakReport(
            "./platform bench --soak", startedAt, DateTimeOffset.UtcNow, Math.Round(duration.TotalMinutes, 1), options.SoakRate, options.SoakSampleSeconds,
            loadBefore, await LoadAverageAsync(), SoakVerdict.Rule, SoakVerdict.Overall(summaries),
            new SoakLoad(sent, _accepted, _skipped, new Dictionary<string, int>(_submissions), new Dictionary<string, int>(_downloads), _rounds, api.Tokens),
            summaries, _samples);
        // Healthy: every process still runs and nearly everything sent was accepted; the verdict on growth is a finding, not a failure.
        return (report, alive && sent > 0 && _accepted >= 0.95 * sent);
    }

    public static void Print(SoakReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"soak: {report.Minutes} min at {report.RatePerSecond}/s: {report.Load.Accepted:N0} of {report.Load.Sent:N0} responses accepted, "
            + $"{report.Load.Skipped:N0} ticks skipped (over {MaxInFlight} in flight), {report.Load.Rounds.Count} rounds; "
            + $"submissions {string.Join(", ", report.Load.Submissions.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}"))}; "
            + $"downloads {string.Join(", ", report.Load.Downloads.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}"))}");
        output.WriteLine($"{"process",-10} {"measure",-18} {"start",9} {"peak",9} {"end",9} {"max 2/3",9} {"max 3/3",9}  verdict");
        output.WriteLine(new string('-', 90));
        foreach (var s in report.Summary)
        {
            string F(double value) => s.Unit == "MB" ? BenchTable.Format(value) : value.ToString("N0", CultureInfo.InvariantCulture);
            output.WriteLine($"{s.Process,-10} {s.Measure + " (" + s.Unit + ")",-18} {F(s.Start),9} {F(s.Peak),9} {F(s.End),9} "
                + $"{F(s.MiddleThirdMax),9} {F(s.LastThirdMax),9}  {(s.LevelsOff ? "levels off" : "GROWS")}");
        }

        output.WriteLine($"  rule: {report.Rule}");
        output.WriteLine($"verdict: {report.Verdict}");
    }

    private async Task OpenNextRoundAsync(Stopwatch clock)
    {
        var index = _rounds.Count;
        var year = FirstYear + Math.Min(index, LastYear - FirstYear);
        var id = await api.OpenRoundAsync("soak", year);
        var round = new SoakRound(id, year, Math.Round(clock.Elapsed.TotalSeconds, 1));
        lock (_rounds)
        {
            _rounds.Add(round);
        }

        _current = round;
        // The round before last gets no more responses: closing it sends its close through the pipeline as the kansli would.
        if (index >= 2)
        {
            using var closed = await api.Gateway.PostAsync($"/api/v1/rounds/{_rounds[index - 2].Id}/close", null);
            _submissions.AddOrUpdate($"close {(int)closed.StatusCode}", 1, (_, n) => n + 1);
        }
    }

    private async Task SubmitAsync(SoakRound round, SemaphoreSlim inFlight)
    {
        try
        {
            // Kommun after kommun; each pass over all of them is the next version of every response (a correction).
            var n = round.Next();
            var k = (int)(n % kommuner.Count);
            var version = (n / kommuner.Count) + 1;
            var body = DemoAnswers.Body(kommuner[k], digplan: version % 2 == 0);
            string status;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                status = ((int)await PlatformApi.SubmitAsync(api.Gateway, round.Id, kommuner[k], body, timeout.Token)).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                status = e.GetType().Name;
            }

            if (status == "200")
            {
                Interlocked.Increment(ref _accepted);
            }

            _submissions.AddOrUpdate(status, 1, (_, c) => c + 1);
        }
        finally
        {
            inFlight.Release();
        }
    }

    /// <summary>The current and the previous round's year, every format, as readers would fetch them while a round runs.</summary>
    private async Task DownloadLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(DownloadEvery, ct);
                List<int> years;
                lock (_rounds)
                {
                    years = [.. _rounds.TakeLast(2).Select(r => r.Year).Distinct()];
                }

                foreach (var year in years)
                {
                    foreach (var path in new[] { $"/api/v1/reports?year={year}" }.Concat(new[] { "pdf", "xlsx", "html", "csv" }.Select(f => $"/api/v1/reports/{year}/latest.{f}")))
                    {
                        string status;
                        try
                        {
                            using var response = await api.Gateway.GetAsync(path, ct);
                            await response.Content.CopyToAsync(Stream.Null, ct);
                            status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                        }
                        catch (HttpRequestException e)
                        {
                            status = e.GetType().Name;
                        }

                        var kind = path.Contains("latest.", StringComparison.Ordinal) ? path[(path.LastIndexOf('.') + 1)..] : "list";
                        _downloads.AddOrUpdate($"{kind} {status}", 1, (_, c) => c + 1);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task SampleLoopAsync(Stopwatch clock, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.SoakSampleSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await SampleAsync(clock);
                if (_samples.Count % Math.Max(1, 60 / options.SoakSampleSeconds) == 1)
                {
                    var last = _samples[^1];
                    Console.WriteLine($"  {clock.Elapsed.TotalMinutes,5:F1} min: {_accepted,7:N0} accepted, {_skipped:N0} skipped; MB "
                        + string.Join(", ", last.Processes.Select(p => $"{p.Key} {p.Value.WorkingSetMb:F0}")));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task SampleAsync(Stopwatch clock)
    {
        var processes = new Dictionary<string, ProcessSample>();
        foreach (var name in ProcessWatch.Names)
        {
            var pid = watch.Pid(name);
            double? heap = _metrics.TryGetValue(name, out var metrics) ? await ServiceMetrics.ManagedHeapMbAsync(metrics, CancellationToken.None) : null;
            processes[name] = new ProcessSample(
                Math.Round(ProcessWatch.StatusKb(pid, "VmRSS:") / 1024.0, 1), heap, ProcessWatch.OpenFiles(pid),
                (int)ProcessWatch.StatusKb(pid, "Threads:"), Math.Round(ProcessWatch.Cpu(pid), 2));
        }

        lock (_samples)
        {
            _samples.Add(new SoakSample(Math.Round(clock.Elapsed.TotalSeconds, 1), DateTimeOffset.UtcNow, Interlocked.Read(ref _accepted), processes));
        }
    }

    private static async Task<string?> LoadAverageAsync() =>
        File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : null;
}
