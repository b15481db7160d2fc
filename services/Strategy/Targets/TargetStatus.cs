namespace VisionEHalsa.Strategy.Targets;

public enum TargetState
{
    /// <summary>The latest value reaches the target.</summary>
    Met,

    /// <summary>Not reached yet, but the recent trend reaches the target by its year.</summary>
    OnTrack,

    /// <summary>Neither reached nor on its way to be by the target year (or the year has passed).</summary>
    OffTrack,

    /// <summary>No value of the indicator is known.</summary>
    NoData,

    /// <summary>The strategy sets no number ("inget kvantifierat mål").</summary>
    NoTarget,
}

/// <summary>A target's status with the numbers behind it.</summary>
public sealed record TargetStatus(
    TargetState Status,
    int? LatestYear,
    double? LatestValue,
    double? TrendPerYear,
    double? ProjectedValue,
    double? TargetValue,
    int TargetYear);

/// <summary>The national (riket) value of an indicator in one year.</summary>
public sealed record YearValue(int Year, double Value);
