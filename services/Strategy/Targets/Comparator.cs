namespace VisionEHalsa.Strategy.Targets;

/// <summary>How a value is held against its target: at least the target (higher is better) or at most (lower is better).</summary>
public enum Comparator
{
    AtLeast,
    AtMost,
}

public static class Comparators
{
    public const string AtLeastText = "atLeast";
    public const string AtMostText = "atMost";

    /// <summary>The comparator an indicator's direction implies; <c>atLeast</c> while the direction is unknown.</summary>
    public static Comparator For(bool? higherIsBetter) => higherIsBetter == false ? Comparator.AtMost : Comparator.AtLeast;

    public static bool TryParse(string? text, out Comparator? comparator)
    {
        comparator = text switch
        {
            null => null,
            AtLeastText => Comparator.AtLeast,
            AtMostText => Comparator.AtMost,
            _ => (Comparator?)null,
        };
        return text is null || comparator is not null;
    }

    public static string Text(this Comparator comparator) => comparator == Comparator.AtMost ? AtMostText : AtLeastText;

    /// <summary>
    /// What a target stores: nothing when it follows its indicator's direction, so that a period sent back as
    /// <c>GET</c> showed it stays the same version; a comparator it already pinned stays pinned.
    /// </summary>
    public static Comparator? ToStore(Comparator? requested, Comparator? stored, Comparator indicatorDefault) =>
        requested is null ? null
        : requested == stored ? stored
        : requested == indicatorDefault ? null
        : requested;

    /// <summary>True when <paramref name="value"/> reaches <paramref name="target"/>; a rounding error's width counts as reaching.</summary>
    public static bool Reaches(this Comparator comparator, double value, double target)
    {
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(target));
        return comparator == Comparator.AtMost ? value <= target + tolerance : value >= target - tolerance;
    }
}
