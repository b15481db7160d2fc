using System.Diagnostics;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Editions;
using VisionEHalsa.Reporting.Rendering;

namespace VisionEHalsa.Platform.Bench;

/// <summary>One format's rendering: time (median and fastest of the runs), size, and the managed memory one rendering allocates.</summary>
public sealed record RenderingResult(string Format, double MedianMs, double FastestMs, int Kilobytes, int Runs, double AllocatedMb);

public sealed record RenderingSection(double ContentBuildMs, IReadOnlyList<RenderingResult> Formats, double AllFormatsMs);

/// <summary>
/// Report generation per format for a demo-like year, with the reporting service's own code in this process: the
/// content is built once (as for an edition), then each format rendered after one warm-up of all four. A download of
/// <c>latest.pdf</c> would time storage and HTTP, not generation; the service's <c>platform_reports_rendering</c>
/// histogram covers every format together.
/// </summary>
public static class ReportRendering
{
    public static RenderingSection Run(int runs)
    {
        var now = DateTimeOffset.UtcNow;
        var inputs = DemoYear.Inputs(2025, now);
        var previous = ReportContent.SnapshotOf(DemoYear.Inputs(2025, now.AddMinutes(-5), new HashSet<int> { 3, 40, 41, 150, 289 }));
        var changes = EditionChanges.Between(6, previous, ReportContent.SnapshotOf(inputs));

        ReportContent Build()
        {
            var built = ReportContent.Build(inputs, 7, now, changes);
            _ = built.Findings;
            return built;
        }

        var content = Build();
        ReportFiles.Render(content); // JIT, fonts and the native drawing library, once
        var buildTimes = Enumerable.Range(0, runs).Select(_ => Time(() => Build())).ToList();

        var formats = new List<RenderingResult>();
        foreach (var format in ReportFormat.All)
        {
            var times = new List<double>();
            var (bytes, allocated) = (0, 0L);
            for (var run = 0; run < runs; run++)
            {
                GC.Collect();
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                bytes = ReportFiles.Render(content, format).Length;
                times.Add(watch.Elapsed.TotalMilliseconds);
                // Rendering runs on this thread, so what this thread allocated is what the rendering did.
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            formats.Add(new RenderingResult(format.Extension, Math.Round(Stats.Median(times), 1), Math.Round(times.Min(), 1), bytes / 1024, runs,
                Math.Round(allocated / 1048576.0, 1)));
        }

        return new RenderingSection(Math.Round(Stats.Median(buildTimes), 1), formats, Math.Round(formats.Sum(f => f.MedianMs), 1));
    }

    private static double Time(Func<object> work)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(work());
        return watch.Elapsed.TotalMilliseconds;
    }
}
