using System.Diagnostics;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Editions;
using VisionEHalsa.Reporting.Inputs;
using VisionEHalsa.Reporting.Rendering;
using Xunit.Abstractions;

namespace VisionEHalsa.Reporting.Tests;

/// <summary>A year shaped like the demo round (290 kommuner, 15 indicators, every level), rendered without a host.</summary>
public sealed class DemoReportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_format_of_a_demo_like_year_renders_and_says_how_long_it_took()
    {
        var inputs = DemoData.Inputs(2025, "demo-2025", earlierYears: 4);
        var flipped = new HashSet<int> { 3, 40, 41, 150, 289 };
        var previous = ReportContent.SnapshotOf(inputs with
        {
            Calculations = [StoredCalculation.From(DemoData.Calculation(2025, "demo-2025", DateTimeOffset.UtcNow.AddMinutes(-5), flipped: flipped), 1)],
        });
        var changes = EditionChanges.Between(6, previous, ReportContent.SnapshotOf(inputs));
        var timer = Stopwatch.StartNew();
        var content = ReportContent.Build(inputs, 7, DateTimeOffset.UtcNow, changes);
        _ = content.Findings;
        var build = timer.Elapsed;
        ReportFiles.Render(content); // warm-up: JIT, fonts, native library

        var files = new List<(ReportFormat Format, byte[] Bytes, TimeSpan Fastest)>();
        foreach (var format in ReportFormat.All)
        {
            var times = new List<TimeSpan>();
            byte[] bytes = [];
            for (var run = 0; run < 3; run++)
            {
                timer.Restart();
                bytes = ReportFiles.Render(content, format);
                times.Add(timer.Elapsed);
            }

            files.Add((format, bytes, times.Min()));
        }

        output.WriteLine($"demo-like year: {DemoData.Kommuner.Count} kommuner, {content.Indicators.Count} indicators, {content.Calculations.Sum(c => c.Values.Count)} values, {changes.Changes.Count} changes");
        output.WriteLine($"content built in {build.TotalMilliseconds:F0} ms (first run)");
        foreach (var (format, bytes, fastest) in files)
        {
            output.WriteLine($"{format.Extension,-5} {fastest.TotalMilliseconds,7:F0} ms  {bytes.Length / 1024,6} KB");
        }

        await SaveSamplesAsync(files);
        var text = await Pdf.TextAsync(files.Single(f => f.Format == ReportFormat.Pdf).Bytes);
        Assert.All(content.Indicators, i => Assert.Contains(i.Name, text));
        Assert.Contains(SwedishText.Value(content.Indicators[0].National!.Value, content.Indicators[0].Description), text);
        Assert.Contains("Ändringar sedan utgåva 6", text);
        Assert.Equal(5 * 15, changes.Changes.Count(c => c.Level == IndicatorLevels.Organisation));
    }

    /// <summary>Keeps the rendered files where <c>REPORT_SAMPLES</c> points, for looking at them (and the README's page images).</summary>
    private static async Task SaveSamplesAsync(IEnumerable<(ReportFormat Format, byte[] Bytes, TimeSpan Fastest)> files)
    {
        if (Environment.GetEnvironmentVariable("REPORT_SAMPLES") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var (format, bytes, _) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"demo-2025.{format.Extension}"), bytes);
        }
    }
}
