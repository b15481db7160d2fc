using VisionEHalsa.Contracts;
using VisionEHalsa.Strategy.Indicators;
using VisionEHalsa.Strategy.Targets;

namespace VisionEHalsa.Strategy.Versions;

/// <summary>
/// The strategy as <c>GET /api/v1/strategy</c> returns it: the vision and every period at one version, each
/// target with the comparator that applies and its status from the indicator values known now.
/// </summary>
public sealed record StrategyView(
    string Vision, int Version, DateTimeOffset ChangedAt, string ChangedBy, string? Summary, IReadOnlyList<PeriodView> Periods)
{
    public static StrategyView From(StrategyVersion version, IndicatorFacts facts) =>
        new(version.Strategy.Vision, version.Version, version.ChangedAt, version.ChangedBy, version.Summary,
            version.Strategy.Periods.Select(p => PeriodView.Of(p, facts)).ToList());
}

/// <summary>A period as <c>GET</c> shows it; <c>PUT /api/v1/strategy/periods/{id}</c> takes it back as it is.</summary>
public sealed record PeriodView(
    string Id,
    string Title,
    int From,
    int To,
    IReadOnlyList<StrategyGoal> Goals,
    IReadOnlyList<StrategyInitiative> Initiatives,
    IReadOnlyList<TargetView> Targets)
{
    public static PeriodView Of(Period period, IndicatorFacts facts) =>
        new(period.Id, period.Title, period.From, period.To, period.Goals, period.Initiatives,
            period.Targets.Select(t => TargetView.From(t, facts)).ToList());
}

public sealed record TargetView(
    string Indicator, string Goal, double? TargetValue, int TargetYear, int? BaselineYear, Comparator Comparator, TargetStatus Status)
{
    public static TargetView From(Target target, IndicatorFacts facts) =>
        new(target.Indicator, target.Goal, target.TargetValue, target.TargetYear, target.BaselineYear, facts.ComparatorOf(target), facts.StatusOf(target));
}
