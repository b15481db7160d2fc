using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Inputs;

namespace VisionEHalsa.Reporting.Content;

/// <summary>A goal area of the strategy period: the indicators it has targets for, and those of them without a value this year.</summary>
public sealed record GoalChapter(StrategyGoal Goal, IReadOnlyList<ReportIndicator> Indicators, IReadOnlyList<string> WithoutValue);

/// <summary>An area the report has values for: a län or a kommungrupp.</summary>
public sealed record ReportArea(string Code, string Name);

/// <summary>Everything one edition shows, worked out once for every format.</summary>
public sealed class ReportContent
{
    public const string Title = "Uppföljning av Vision e-hälsa 2025";
    public const string DemoNotice = "Demoomgång med syntetiska svar";

    /// <summary>Rounds whose id starts so hold synthetic answers (the platform's demo round is <c>demo-2025</c>).</summary>
    public const string DemoRoundPrefix = "demo-";

    public required int Year { get; init; }
    public required int Edition { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required IReadOnlyList<StoredCalculation> Calculations { get; init; }
    public required IReadOnlyList<RoundSummary> Rounds { get; init; }
    public required string? Vision { get; init; }
    public required StrategyPeriod? Period { get; init; }

    /// <summary>One per indicator code, in report order: by goal area, then the others.</summary>
    public required IReadOnlyList<ReportIndicator> Indicators { get; init; }
    public required IReadOnlyList<GoalChapter> Chapters { get; init; }

    /// <summary>Calculated indicators no goal of the period targets.</summary>
    public required IReadOnlyList<ReportIndicator> Others { get; init; }
    public required IReadOnlyList<ReportArea> Lan { get; init; }
    public required IReadOnlyList<ReportArea> Kommungrupper { get; init; }
    public required EditionChanges Changes { get; init; }
    public SummaryFindings Findings => _findings ??= SummaryFindings.Of(this);

    private SummaryFindings? _findings;

    /// <summary>True when a round holds synthetic demo answers; the report then says so on every page.</summary>
    public bool IsDemo => Rounds.Any(r => r.RoundId.StartsWith(DemoRoundPrefix, StringComparison.Ordinal));

    public int Responses => Rounds.Sum(r => r.Overall.Respondents);

    /// <summary>How many organisations the rounds expected; null when any round's expectation is unknown.</summary>
    public int? Expected => Rounds.All(r => r.Overall.Expected is not null) ? Rounds.Sum(r => r.Overall.Expected!.Value) : null;

    public static ReportContent Build(ReportInputs inputs, int edition, DateTimeOffset generatedAt, EditionChanges changes)
    {
        var year = inputs.Year;
        var period = inputs.Period;
        var series = NationalSeries(inputs.EarlierYears.Concat(inputs.Calculations));
        var indicators = inputs.Calculations
            .SelectMany(c => c.Indicators.DistinctBy(d => d.Code).Select(d => (Calculation: c, Description: d)))
            .GroupBy(x => x.Description.Code, StringComparer.Ordinal)
            .Select(g => g.Where(x => HasNational(x.Calculation, g.Key)).DefaultIfEmpty(g.First()).First())
            .Select(x => Indicator(x.Calculation, x.Description, TargetFor(period, x.Description.Code, year), series, year))
            .ToList();
        var chapters = (period?.Goals ?? []).Select(goal =>
        {
            var targeted = period!.Targets.Where(t => t.Goal == goal.Code).Select(t => t.Indicator).Distinct().ToList();
            return new GoalChapter(goal,
                targeted.SelectMany(code => indicators.Where(i => i.Code == code)).ToList(),
                targeted.Where(code => indicators.All(i => i.Code != code)).ToList());
        }).ToList();
        var others = indicators.Where(i => period is null || period.Targets.All(t => t.Indicator != i.Code)).ToList();
        var ordered = chapters.SelectMany(c => c.Indicators).Concat(others).Distinct().ToList();
        return new ReportContent
        {
            Year = year,
            Edition = edition,
            GeneratedAt = generatedAt,
            Calculations = inputs.Calculations,
            Rounds = inputs.Calculations.Select(c => RoundSummary.For(c, inputs.Rounds.FirstOrDefault(r => r.Id == c.RoundId))).ToList(),
            Vision = string.IsNullOrWhiteSpace(inputs.Strategy?.Strategy.Vision) ? null : inputs.Strategy.Strategy.Vision,
            Period = period,
            Indicators = ordered,
            Chapters = chapters,
            Others = others,
            Lan = Areas(ordered.SelectMany(i => i.Lan)),
            Kommungrupper = Areas(ordered.SelectMany(i => i.Kommungrupper)),
            Changes = changes,
        };
    }

    /// <summary>The values an edition publishes, for the next edition's list of changes.</summary>
    public static IReadOnlyList<ValueSnapshot> SnapshotOf(ReportInputs inputs) =>
        EditionChanges.SnapshotOf(inputs.Calculations.SelectMany(c => c.Values));

    /// <summary>The target for the year: the nearest one not yet passed, else the last one the period sets.</summary>
    public static StrategyTarget? TargetFor(StrategyPeriod? period, string indicator, int year)
    {
        var targets = period?.Targets.Where(t => t.Indicator == indicator).OrderBy(t => t.TargetYear).ToList() ?? [];
        return targets.Count == 0 ? null : targets.FirstOrDefault(t => t.TargetYear >= year) ?? targets[^1];
    }

    private static ReportIndicator Indicator(
        StoredCalculation calculation, IndicatorDescription description, StrategyTarget? target,
        IReadOnlyDictionary<string, List<SeriesPoint>> series, int year)
    {
        var values = calculation.Values.Where(v => v.Indicator == description.Code).ToList();
        return new ReportIndicator(
            description,
            calculation.RoundId,
            values.FirstOrDefault(v => v.Level == IndicatorLevels.Riket),
            Level(values, IndicatorLevels.Lan),
            Level(values, IndicatorLevels.Kommungrupp),
            Level(values, IndicatorLevels.Organisation),
            target,
            series.TryGetValue(description.Code, out var points) ? points.Where(p => p.Year <= year).ToList() : [],
            year);
    }

    /// <summary>Per indicator code, its national value in each year that has one (the first round of a year that has it).</summary>
    private static Dictionary<string, List<SeriesPoint>> NationalSeries(IEnumerable<StoredCalculation> calculations) =>
        calculations
            .SelectMany(c => c.Values.Where(v => v is { Level: IndicatorLevels.Riket, Value: not null }).Select(v => (c.Year, c.RoundId, v.Indicator, Value: v.Value!.Value)))
            .GroupBy(x => x.Indicator, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(x => x.Year).OrderBy(y => y.Key)
                    .Select(y => new SeriesPoint(y.Key, y.OrderBy(x => x.RoundId, StringComparer.Ordinal).First().Value)).ToList(),
                StringComparer.Ordinal);

    private static bool HasNational(StoredCalculation calculation, string code) =>
        calculation.Values.Any(v => v.Indicator == code && v.Level == IndicatorLevels.Riket);

    private static List<IndicatorValue> Level(List<IndicatorValue> values, string level) =>
        values.Where(v => v.Level == level).OrderBy(v => v.Area, StringComparer.Ordinal).ToList();

    private static List<ReportArea> Areas(IEnumerable<IndicatorValue> values) =>
        values.DistinctBy(v => v.Area).OrderBy(v => v.Area, StringComparer.Ordinal).Select(v => new ReportArea(v.Area, v.AreaName)).ToList();
}
