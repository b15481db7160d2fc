namespace VisionEHalsa.Strategy.Targets;

/// <summary>The status rules, as pure functions of a target and the indicator's national values.</summary>
public static class TargetEvaluation
{
    /// <summary>The trend is fitted to the values of this many years up to the latest, so old levels do not hide the current pace.</summary>
    public const int RecentYears = 5;

    private const int Digits = 6;

    public static TargetStatus Evaluate(double? targetValue, int targetYear, Comparator comparator, IReadOnlyList<YearValue> values)
    {
        if (values.Count == 0)
        {
            return new TargetStatus(targetValue is null ? TargetState.NoTarget : TargetState.NoData, null, null, null, null, targetValue, targetYear);
        }

        var latest = values.MaxBy(v => v.Year)!;
        var recent = values.Where(v => v.Year > latest.Year - RecentYears).ToList();
        var slope = Slope(recent);
        // Projecting to a year already measured says nothing the measurement does not.
        var projected = slope is { } s && targetYear > latest.Year ? Project(recent, s, targetYear) : (double?)null;
        var state = targetValue switch
        {
            null => TargetState.NoTarget,
            { } target when comparator.Reaches(latest.Value, target) => TargetState.Met,
            { } target when projected is { } p && comparator.Reaches(p, target) => TargetState.OnTrack,
            _ => TargetState.OffTrack,
        };
        return new TargetStatus(state, latest.Year, latest.Value, Round(slope), Round(projected), targetValue, targetYear);
    }

    /// <summary>The least-squares slope per year; null with fewer than two years to fit.</summary>
    public static double? Slope(IReadOnlyList<YearValue> values)
    {
        if (values.Select(v => v.Year).Distinct().Count() < 2)
        {
            return null;
        }

        // Centred on the mean year, so years in the thousands cost no precision.
        var meanYear = values.Average(v => (double)v.Year);
        var meanValue = values.Average(v => v.Value);
        var covariance = values.Sum(v => (v.Year - meanYear) * (v.Value - meanValue));
        var variance = values.Sum(v => (v.Year - meanYear) * (v.Year - meanYear));
        return covariance / variance;
    }

    private static double Project(IReadOnlyList<YearValue> values, double slope, int year) =>
        values.Average(v => v.Value) + slope * (year - values.Average(v => (double)v.Year));

    private static double? Round(double? value) => value is { } v ? Math.Round(v, Digits) : null;
}
