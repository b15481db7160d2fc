using System.Security.Cryptography;
using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Inputs;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Reporting.Rendering;

/// <summary>An indicator as the report shows it: its values of the year and the target the strategy sets for it.</summary>
public sealed record ReportIndicator(
    IndicatorDescription Description,
    string RoundId,
    IndicatorValue? National,
    IReadOnlyList<IndicatorValue> Values,
    StrategyTarget? Target);

public sealed record GoalSection(StrategyGoal Goal, IReadOnlyList<(ReportIndicator Indicator, StrategyTarget Target)> Indicators, IReadOnlyList<string> WithoutValue);

/// <summary>Everything one edition shows, worked out once for every format.</summary>
public sealed class ReportContent
{
    public required int Year { get; init; }
    public required int Edition { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required IReadOnlyList<StoredCalculation> Calculations { get; init; }
    public required string? Vision { get; init; }
    public required StrategyPeriod? Period { get; init; }
    public required IReadOnlyList<ReportIndicator> Indicators { get; init; }

    public static ReportContent Build(int year, int edition, DateTimeOffset generatedAt, IReadOnlyList<StoredCalculation> calculations, StrategySnapshot? strategy)
    {
        var period = PeriodFor(strategy, year);
        var indicators = calculations
            .SelectMany(c => c.Indicators.DistinctBy(d => d.Code).Select(d =>
            {
                var values = c.Values.Where(v => v.Indicator == d.Code).ToList();
                return new ReportIndicator(d, c.RoundId, values.FirstOrDefault(v => v.Level == IndicatorLevels.Riket), values, TargetFor(period, d.Code, year));
            }))
            .ToList();
        return new ReportContent
        {
            Year = year,
            Edition = edition,
            GeneratedAt = generatedAt,
            Calculations = calculations,
            Vision = string.IsNullOrWhiteSpace(strategy?.Vision) ? null : strategy.Vision,
            Period = period,
            Indicators = indicators,
        };
    }

    public int Responses => Calculations.Sum(c => c.BasedOn.Responses);

    /// <summary>Per goal of the period: its indicators with a value this year, and those it targets that have none.</summary>
    public IReadOnlyList<GoalSection> Goals => (Period?.Goals ?? []).Select(goal =>
    {
        var targets = Period!.Targets.Where(t => t.Goal == goal.Code).GroupBy(t => t.Indicator).Select(g => Nearest(g, Year)).ToList();
        var shown = targets.SelectMany(t => Indicators.Where(i => i.Description.Code == t.Indicator).Select(i => (i, t))).ToList();
        var missing = targets.Where(t => Indicators.All(i => i.Description.Code != t.Indicator)).Select(t => t.Indicator).ToList();
        return new GoalSection(goal, shown, missing);
    }).ToList();

    /// <summary>Calculated indicators no goal of the period targets.</summary>
    public IReadOnlyList<ReportIndicator> Others =>
        Indicators.Where(i => Period is null || Period.Targets.All(t => t.Indicator != i.Description.Code)).ToList();

    /// <summary>Indicators in report order: by goal, then the others.</summary>
    public IReadOnlyList<ReportIndicator> Ordered =>
        Goals.SelectMany(g => g.Indicators.Select(i => i.Indicator)).Concat(Others).Distinct().ToList();

    public IReadOnlyList<(string Area, string Name)> Lan =>
        Indicators.SelectMany(i => i.Values)
            .Where(v => v.Level == IndicatorLevels.Lan)
            .Select(v => (v.Area, v.AreaName))
            .DistinctBy(a => a.Area)
            .OrderBy(a => a.Area, StringComparer.Ordinal)
            .ToList();

    public static StrategyPeriod? PeriodFor(StrategySnapshot? strategy, int year) =>
        strategy?.Periods.Where(p => p.From <= year && year <= p.To).OrderByDescending(p => p.From).FirstOrDefault();

    /// <summary>The target for the year: the nearest one not yet passed, else the last one the period sets.</summary>
    public static StrategyTarget? TargetFor(StrategyPeriod? period, string indicator, int year)
    {
        var targets = period?.Targets.Where(t => t.Indicator == indicator).ToList() ?? [];
        return targets.Count == 0 ? null : Nearest(targets, year);
    }

    /// <summary>What of the strategy this year's report shows; a strategy change that leaves it alone needs no new edition.</summary>
    public static string Fingerprint(StrategySnapshot? strategy, int year)
    {
        var shown = JsonSerializer.SerializeToUtf8Bytes(new { strategy?.Vision, Period = PeriodFor(strategy, year) }, DocumentJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(shown));
    }

    private static StrategyTarget Nearest(IEnumerable<StrategyTarget> targets, int year)
    {
        var ordered = targets.OrderBy(t => t.TargetYear).ToList();
        return ordered.FirstOrDefault(t => t.TargetYear >= year) ?? ordered[^1];
    }
}
