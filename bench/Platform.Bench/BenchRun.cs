using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace VisionEHalsa.Platform.Bench;

/// <summary>The five sections in the order that disturbs them least, then the table and the document it is written as.</summary>
public static class BenchRun
{
    private const double FreshnessSmallMs = 2_000, FreshnessLargeMs = 10_000, GatewayPerSecond = 1_000, GatewayShare = 0.7, FloorShare = 0.5, ProcessMb = 250;
    private static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(60);

    public static async Task<(BenchTable Table, object Document, IReadOnlyList<string> Failures)> RunAsync(BenchOptions options)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadBefore = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : null;
        using var api = await PlatformApi.ConnectAsync(options);
        await using var watch = new ProcessWatch(options.PidsDirectory);
        var kommuner = await api.KommunerAsync();
        var years = new YearPlan();
        var table = new BenchTable();

        var failures = new List<string>();
        async Task<T?> MeasureAsync<T>(string section, string what, Func<Task<T>> measure) where T : class
        {
            try
            {
                return await measure();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A platform that fails under load is a result too: the table says so, and the other sections still run.
                Console.WriteLine($"  FAILED: {what}: {e.GetType().Name}: {e.Message}");
                failures.Add($"{what}: {e.Message}");
                table.Add(section, $"{what}: FAILED", double.NaN, "", $"{what} failed: {e.Message}");
                return null;
            }
        }

        // The survey's store has failed under long runs of load (docs/performance.md), so the figures the targets rest on
        // most come first and the 29,000-response round last.
        Console.WriteLine("== freshness (last accepted response to a downloadable edition that includes it)");
        // A platform that has stopped making editions fails the quick run within minutes rather than at the test's time limit.
        var freshness = new Freshness(api, watch, kommuner, years, TimeSpan.FromSeconds(options.Quick ? 45 : 120));
        var small = await MeasureAsync(BenchTable.Freshness, $"freshness of {kommuner.Count} responses", () => freshness.OneResponseEachAsync(options.SmallRepetitions));

        Console.WriteLine("== submission throughput (16 and 64 concurrent clients, gateway and direct)");
        var throughput = await MeasureAsync(BenchTable.Throughput, "throughput", () => new Throughput(api, watch, kommuner, years, options).RunAsync());
        foreach (var t in throughput?.Results ?? [])
        {
            table.AtLeast(BenchTable.Throughput, $"accepted/s through the gateway, {t.Clients} clients", t.GatewayPerSecond, "/s", GatewayPerSecond);
            table.Add(BenchTable.Throughput, $"accepted/s direct to survey, {t.Clients} clients", t.DirectPerSecond, "/s");
            table.AtLeast(BenchTable.Throughput, $"gateway / direct, {t.Clients} clients", t.GatewayOverDirect, "×", GatewayShare);
        }

        Console.WriteLine("== freshness of a large round (corrections, latest wins)");
        var large = await MeasureAsync(BenchTable.Freshness, $"freshness of {options.LargeCorrections * kommuner.Count:N0} responses",
            () => freshness.CorrectionsAsync(options.LargeRepetitions, options.LargeCorrections, options.LargeBudget));
        foreach (var (f, limit) in new[] { (small, FreshnessSmallMs), (large, FreshnessLargeMs) })
        {
            if (f is null)
            {
                continue;
            }

            var note = f == large ? $"{f.Responses:N0} responses = {f.Shape}; the target is for 29,000" : null;
            table.Add(BenchTable.Freshness, $"p50, {f.Responses:N0} responses ({f.Repetitions} runs)", f.P50Ms, "ms", note);
            table.AtMost(BenchTable.Freshness, $"p95, {f.Responses:N0} responses ({f.Repetitions} runs)", f.P95Ms, "ms", limit, note);
        }

        var inService = new
        {
            renderingPerEdition = await ServiceMetrics.ReadAsync(api.Reporting, "platform_reports_rendering"),
            freshnessPerEdition = await ServiceMetrics.ReadAsync(api.Reporting, "platform_reports_freshness"),
        };

        Console.WriteLine("== recalculation of 30 indicators against the plain-loop floor (bench/Indicator.Bench)");
        await watch.WaitUntilQuietAsync(QuietLimit);
        var work = Directory.CreateTempSubdirectory("platform-bench-");
        IReadOnlyList<RecalculationResult> recalculation;
        try
        {
            recalculation = await RecalculationFloor.RunAsync(options, work.FullName);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        foreach (var r in recalculation)
        {
            table.AtLeast(BenchTable.Recalculation, $"floor / platform, {r.Responses:N0} responses", r.FloorOverPlatform, "×", FloorShare);
        }

        Console.WriteLine("== report generation per format (demo-like year, in this process)");
        var rendering = ReportRendering.Run(options.RenderRuns);
        table.Add(BenchTable.ReportGeneration, "content of an edition (values, changes, findings)", rendering.ContentBuildMs, "ms");
        foreach (var f in rendering.Formats)
        {
            table.Add(BenchTable.ReportGeneration, $"{f.Format} ({f.Kilobytes:N0} KB)", f.MedianMs, "ms");
        }

        foreach (var f in rendering.Formats)
        {
            table.Add(BenchTable.ReportGeneration, $"{f.Format}: managed memory allocated per rendering", f.AllocatedMb, "MB");
        }

        if (inService.renderingPerEdition.Count > 0)
        {
            table.Add(BenchTable.ReportGeneration, $"in the service: an edition's path (content, HTML, CSV, source), mean of {inService.renderingPerEdition.Count} editions", inService.renderingPerEdition.Mean, "ms",
                "in the service: platform_reports_rendering of the editions the runs above caused (their years, not the demo-like year); PDF and XLSX follow the edition (decision 0014)");
        }

        var memory = watch.Memory();
        foreach (var m in memory)
        {
            table.AtMost(BenchTable.Memory, $"peak working set, {m.Process}", m.PeakWorkingSetMb, "MB", ProcessMb);
        }

        var document = new
        {
            benchmark = "./platform bench",
            mode = options.Quick ? "quick" : "full",
            startedAt,
            finishedAt = DateTimeOffset.UtcNow,
            machine = await MachineAsync(loadBefore),
            loadAverageAfter = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : null,
            targets = new { freshnessP95Ms = new { responses290 = FreshnessSmallMs, responses29000 = FreshnessLargeMs }, gatewayPerSecond = GatewayPerSecond, gatewayOverDirect = GatewayShare, floorOverPlatform = FloorShare, peakWorkingSetMb = ProcessMb },
            table = table.Figures,
            freshness = new { responses290 = small, large },
            throughput = new { results = throughput?.Results, runs = throughput?.Runs, requestsPerRun = options.ThroughputRequests, repetitions = options.ThroughputRepetitions },
            recalculation,
            reportGeneration = rendering,
            inService,
            memory,
            tokens = api.Tokens,
            failures,
        };
        return (table, document, failures);
    }

    public static string Write(object document, string directory)
    {
        var path = WriteJson(document, directory, "");
        File.Copy(path, Path.Combine(directory, "latest.json"), overwrite: true);
        return path;
    }

    /// <summary>Writes <paramref name="document"/> as <c>&lt;prefix&gt;&lt;timestamp&gt;.json</c> in <paramref name="directory"/>; returns its path.</summary>
    public static string WriteJson(object document, string directory, string prefix)
    {
        Directory.CreateDirectory(directory);
        var json = JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
        var path = Path.Combine(directory, prefix + DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<object> MachineAsync(string? loadBefore)
    {
        static async Task<string?> FirstAsync(string file, string prefix) => File.Exists(file)
            ? (await File.ReadAllLinesAsync(file)).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return new
        {
            Environment.ProcessorCount,
            cpu = await FirstAsync("/proc/cpuinfo", "model name"),
            memory = await FirstAsync("/proc/meminfo", "MemTotal"),
            os = RuntimeInformation.OSDescription,
            runtime = RuntimeInformation.FrameworkDescription,
            loadAverageBefore = loadBefore,
        };
    }
}
