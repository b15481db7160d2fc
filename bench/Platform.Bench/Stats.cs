namespace VisionEHalsa.Platform.Bench;

public static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50, interpolate: true);

    /// <summary>
    /// Nearest rank (the smallest sample with at least <paramref name="percent"/> % of samples at or below it), so a p95
    /// of five or seven samples is their largest: with so few, nothing better is honest. The median interpolates.
    /// </summary>
    public static double Percentile(IEnumerable<double> values, double percent, bool interpolate = false)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        if (interpolate && sorted.Length % 2 == 0 && percent == 50)
        {
            return (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
