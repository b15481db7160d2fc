namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// Whether a resource levels off under a constant load: the samples are cut into thirds by time, and the highest value of
/// the last third may exceed the highest of the middle third by at most 10 % (the first third is the warm-up: JIT,
/// pools, caches filling). Counts (open files, threads) may also rise by 2 without it counting as growth, since one
/// more connection or pool thread is already 5 % of 40.
/// </summary>
public static class SoakVerdict
{
    public const double Tolerance = 0.10;
    public const int CountSlack = 2;

    public const string Rule = "levels off when the last third's max ≤ 1.10 × the middle third's max (counts: or at most 2 more); the first third is warm-up";

    private static readonly (string Measure, string Unit, bool Count, Func<ProcessSample, double?> Read)[] Measures =
    [
        ("working set", "MB", false, s => s.WorkingSetMb),
        ("managed heap", "MB", false, s => s.HeapMb),
        ("open files", "fds", true, s => s.OpenFiles),
        ("threads", "n", true, s => s.Threads),
    ];

    public static IReadOnlyList<SoakSummary> Summarise(IReadOnlyList<SoakSample> samples)
    {
        var summaries = new List<SoakSummary>();
        if (samples.Count < 3)
        {
            return summaries;
        }

        var (first, last) = (samples[0].ElapsedSeconds, samples[^1].ElapsedSeconds);
        var third = (last - first) / 3;
        foreach (var process in ProcessWatch.Names)
        {
            foreach (var (measure, unit, count, read) in Measures)
            {
                var series = samples.Select(s => (s.ElapsedSeconds, Value: s.Processes.TryGetValue(process, out var p) ? read(p) : null))
                    .Where(s => s.Value is not null).Select(s => (s.ElapsedSeconds, Value: s.Value!.Value)).ToList();
                if (series.Count < 3)
                {
                    continue; // e.g. no managed heap in this process's /metrics
                }

                var middle = series.Where(s => s.ElapsedSeconds >= first + third && s.ElapsedSeconds < first + (2 * third)).Select(s => s.Value).DefaultIfEmpty(double.NaN).Max();
                var end = series.Where(s => s.ElapsedSeconds >= first + (2 * third)).Select(s => s.Value).DefaultIfEmpty(double.NaN).Max();
                var levels = end <= middle * (1 + Tolerance) || (count && end - middle <= CountSlack);
                summaries.Add(new SoakSummary(process, measure, unit, series[0].Value, series.Max(s => s.Value), series[^1].Value, middle, end, levels));
            }
        }

        return summaries;
    }

    public static string Overall(IReadOnlyList<SoakSummary> summaries)
    {
        var growing = summaries.Where(s => !s.LevelsOff).Select(s => $"{s.Process} {s.Measure}").ToList();
        var measured = string.Join(", ", summaries.Select(s => s.Measure).Distinct());
        var missing = Measures.Select(m => m.Measure).Except(summaries.Select(s => s.Measure)).ToList();
        var unmeasured = missing.Count == 0 ? "" : $" ({string.Join(", ", missing)}: not reported, so not judged)";
        return summaries.Count == 0 ? "too few samples for a verdict"
            : growing.Count == 0 ? $"levels off: every process's {measured}{unmeasured}"
            : $"does not level off: {string.Join(", ", growing)}{unmeasured}";
    }
}
