using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.Indicator.ReferenceData;

namespace VisionEHalsa.Indicator.Bench;

public sealed record Measurement(int Responses, int Indicators, int Values, double PlatformMs, double FloorMs, double FloorOverPlatform, int Runs);

/// <summary>
/// A Stopwatch harness rather than BenchmarkDotNet, to finish in well under two minutes on two shared cores.
/// Both sides are warmed up at every size first (tiered compilation only optimises after 30 calls and a delay),
/// then timed alternately, so a build running beside them slows both alike; the median of each counts.
/// </summary>
public static class Recalculation
{
    private const int MinimumWarmUps = 3;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2), QuickWarmUpTime = TimeSpan.FromSeconds(0.5);

    public static IReadOnlyList<Measurement> Run(IReadOnlyList<int> sizes, IReadOnlyList<IndicatorDefinition> definitions, bool quick = false)
    {
        var warmUpTime = quick ? QuickWarmUpTime : WarmUpTime;
        var cases = sizes.Select(size => Case.Create(size, definitions)).ToList();

        // Every size is warmed up before any is timed, so the small rounds do not run code that a larger one
        // would only later get optimised.
        foreach (var work in cases)
        {
            work.Verify();
            var warming = Stopwatch.StartNew();
            for (var i = 0; i < MinimumWarmUps || warming.Elapsed < warmUpTime; i++)
            {
                GC.KeepAlive(work.Platform());
                GC.KeepAlive(work.Floor());
            }
        }

        var measurements = new List<Measurement>();
        foreach (var work in cases)
        {
            var runs = (work.Size < 10_000 ? 51 : 11) / (quick ? 3 : 1);
            var (platformTimes, floorTimes) = (new List<double>(runs), new List<double>(runs));
            for (var i = 0; i < runs; i++)
            {
                platformTimes.Add(Once(work.Platform));
                floorTimes.Add(Once(work.Floor));
            }

            var (platformMs, floorMs) = (Median(platformTimes), Median(floorTimes));
            measurements.Add(new Measurement(work.Size, definitions.Count, work.Values, Math.Round(platformMs, 3), Math.Round(floorMs, 3),
                Math.Round(floorMs / platformMs, 3), runs));
        }

        return measurements;
    }

    /// <summary>One round size: the platform's full recalculation and the floor, over the same responses.</summary>
    private sealed class Case(int size, IReadOnlyList<IndicatorDefinition> definitions, SyntheticRound round, ExpectedPopulation population)
    {
        public int Size => size;

        public int Values { get; private set; }

        public static Case Create(int size, IReadOnlyList<IndicatorDefinition> definitions) =>
            new(size, definitions, SyntheticRound.Create(size), KommunRegister.Embedded.ExpectedFor(KommunRegister.KommunPopulation, size));

        public IReadOnlyList<CalculatedValue> Platform() =>
            IndicatorCalculator.Calculate([.. definitions.Select(CompiledIndicator.Of)], round.Respondents, population);

        public List<CalculatedValue> Floor() => Bench.Floor.Calculate(round, population);

        /// <summary>The floor must compute exactly what the platform does, or the comparison means nothing.</summary>
        public void Verify()
        {
            var (values, floor) = (Platform(), Floor());
            if (!values.SequenceEqual(floor))
            {
                var (p, f) = values.Zip(floor).FirstOrDefault(pair => pair.First != pair.Second);
                throw new InvalidOperationException($"The floor does not compute what the platform does ({values.Count} and {floor.Count} values): {p} <> {f}");
            }

            Values = values.Count;
        }
    }

    public static void Print(IReadOnlyList<Measurement> measurements)
    {
        Console.WriteLine($"Full recalculation of {measurements[0].Indicators} indicators (median of alternating timed runs, after a warm-up of every size)");
        Console.WriteLine($"{"responses",10} {"values",9} {"platform ms",12} {"floor ms",9} {"floor/platform",15}");
        foreach (var m in measurements)
        {
            Console.WriteLine($"{m.Responses,10:N0} {m.Values,9:N0} {m.PlatformMs,12:F2} {m.FloorMs,9:F2} {m.FloorOverPlatform,15:F2}");
        }
    }

    public static void Write(IReadOnlyList<Measurement> measurements, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var document = new
        {
            benchmark = "indicator full recalculation vs plain-loop floor",
            generatedAt = DateTimeOffset.UtcNow,
            machine = new { Environment.ProcessorCount, os = RuntimeInformation.OSDescription, runtime = RuntimeInformation.FrameworkDescription },
            warmUp = new { minimumRuns = MinimumWarmUps, secondsPerSize = WarmUpTime.TotalSeconds },
            timing = "platform and floor alternate run by run, a full GC before each; the median of each is reported",
            results = measurements,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"Written to {Path.GetFullPath(path)}");
    }

    /// <summary><c>bench/results/recalculation.json</c> of the repository this runs in.</summary>
    public static string DefaultOutput()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? Directory.GetCurrentDirectory(), "bench", "results", "recalculation.json");
    }

    private static double Once(Func<object> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(work());
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
    }
}
