using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Rendering;

namespace VisionEHalsa.Reporting.Content;

public sealed record SeriesPoint(int Year, double Value);

public enum TargetStatus
{
    /// <summary>The strategy sets no target for the indicator.</summary>
    None,

    /// <summary>A target without a number: "inget kvantifierat mål".</summary>
    NoNumber,

    /// <summary>A numeric target, but no value this year to compare.</summary>
    NoValue,
    Met,
    NotMet,
}

/// <summary>An indicator as the report shows it: this year's values, its target, and its national series.</summary>
public sealed record ReportIndicator(
    IndicatorDescription Description,
    string RoundId,
    IndicatorValue? National,
    IReadOnlyList<IndicatorValue> Lan,
    IReadOnlyList<IndicatorValue> Kommungrupper,
    IReadOnlyList<IndicatorValue> Organisations,
    StrategyTarget? Target,
    IReadOnlyList<SeriesPoint> Series,
    int Year)
{
    public string Code => Description.Code;

    public string Name => Description.Name;

    public bool IsPercent => SwedishText.IsPercent(Description);

    /// <summary>The national value of the year before, when there is one.</summary>
    public double? Previous => Series.FirstOrDefault(p => p.Year == Year - 1)?.Value;

    /// <summary>The change since the year before, in the indicator's unit (percentage points for shares).</summary>
    public double? Change => National?.Value is { } now && Previous is { } before ? now - before : null;

    /// <summary>The change in the direction that is better: positive is an improvement whichever way the indicator points.</summary>
    public double? Improvement => Change is { } change ? (Description.HigherIsBetter ? change : -change) : null;

    public TargetStatus Status => Target switch
    {
        null => TargetStatus.None,
        { TargetValue: null } => TargetStatus.NoNumber,
        { TargetValue: { } goal } => National?.Value is not { } value ? TargetStatus.NoValue
            : (Description.HigherIsBetter ? value >= goal : value <= goal) ? TargetStatus.Met : TargetStatus.NotMet,
    };
}
