using System.Diagnostics;
using System.Text.Json;
using VisionEHalsa.TestSupport;
using Xunit.Abstractions;

namespace VisionEHalsa.Bench.Tests;

/// <summary>
/// <c>./platform bench --quick</c> end to end: it starts the platform on a folder of this test's own, measures, stops
/// what it started and writes its table as JSON. The figures depend on the machine, so only their presence is checked.
/// </summary>
public sealed class PlatformBenchTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_quick_bench_exits_0_and_writes_a_number_for_every_section()
    {
        var folder = TestEnvironment.NewDataDirectory("bench");
        var results = Path.Combine(folder, "results");
        var (exitCode, log) = await RunQuickBenchAsync(Path.Combine(folder, "local"), results);
        output.WriteLine(log);

        // On failure the folder stays: the script keeps the platform's logs in it.
        Assert.True(exitCode == 0, $"./platform bench --quick exited with {exitCode} (logs under {folder}):\n{Tail(log)}");
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(results, "latest.json")));
        var root = written.RootElement;
        Assert.Equal("quick", root.GetProperty("mode").GetString());
        foreach (var section in new[] { "freshness", "throughput", "recalculation", "reportGeneration", "memory" })
        {
            Assert.True(root.TryGetProperty(section, out var figures) && Numbers(figures).Any(),
                $"the JSON has no number under {section}");
            var rows = root.GetProperty("table").EnumerateArray().Where(r => r.GetProperty("section").GetString() == section).ToList();
            Assert.True(rows.Count > 0 && rows.All(r => r.GetProperty("value").ValueKind == JsonValueKind.Number),
                $"the table has no figure, or one without a number, for {section}");
        }

        Assert.Empty(root.GetProperty("failures").EnumerateArray());
        Assert.Single(Directory.GetFiles(results, "2*.json"));
        Assert.Empty(Directory.GetDirectories(Path.Combine(folder, "local"), "bench.*"));
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Without a build: the test runs after the Release build of the whole solution (as in <c>./platform test</c>), which
    /// holds the five processes and both bench programs. The test run's RabbitMQ (<c>RABBITMQ_URI</c>, inherited) is reused
    /// with temporary queues of the bench's own; without one the script starts a node of its own.
    /// </summary>
    private static async Task<(int ExitCode, string Log)> RunQuickBenchAsync(string local, string results)
    {
        foreach (var program in new[] { "bench/Platform.Bench/bin/Release/net10.0/Platform.Bench.dll", "bench/Indicator.Bench/bin/Release/net10.0/Indicator.Bench.dll", "services/Survey/bin/Release/net10.0/Survey.dll" })
        {
            Assert.True(File.Exists(Path.Combine(TestEnvironment.RepositoryRoot, program)), $"{program} is missing: build the solution in Release first (./platform test does)");
        }

        var start = new ProcessStartInfo(Path.Combine(TestEnvironment.RepositoryRoot, "platform"), ["bench", "--quick", "--no-build"])
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PLATFORM_LOCAL_DIR"] = local;
        start.Environment["PLATFORM_BENCH_RESULTS"] = results;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ./platform bench");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // TERM lets the script's trap stop the platform it started; the kill is for a script that does not end.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
            }

            throw new TimeoutException($"./platform bench --quick did not finish within {Limit.TotalMinutes} minutes:\n{Tail(log.ToString())}");
        }

        process.WaitForExit();
        lock (log)
        {
            return (process.ExitCode, log.ToString());
        }
    }

    private static IEnumerable<double> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetDouble()],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers),
        _ => [],
    };

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(40));
}
