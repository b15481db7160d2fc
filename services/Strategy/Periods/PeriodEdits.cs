using VisionEHalsa.Strategy.Indicators;
using VisionEHalsa.Strategy.Seed;
using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy.Periods;

/// <summary>
/// The kansli's edits of a period, as pure functions of the latest strategy. Every edit that adds or changes a
/// part is checked by validating the whole period it produces, so the rules live in <see cref="PeriodValidator"/> once.
/// </summary>
public static class PeriodEdits
{
    public static Edit PutPeriod(StrategyContent? current, string id, PeriodRequest period, IndicatorFacts facts)
    {
        var strategy = current ?? StrategyContent.Empty;
        var errors = PeriodValidator.Validate(id, period, KnownIndicators(strategy, facts));
        return errors.Count > 0
            ? Edit.Invalid(errors)
            : Edit.To(strategy.WithPeriod(period.ToPeriod(id, strategy.Period(id), facts)));
    }

    public static Edit PutGoal(StrategyContent? current, string periodId, string code, GoalRequest goal, IndicatorFacts facts) =>
        Change(current, periodId, "code", code, goal.Code, facts, (request, key) =>
        {
            var goals = request.Goals!.ToList();
            var index = Replace(goals, goals.FindIndex(g => g!.Code == key), goal with { Code = key });
            return (request with { Goals = goals }, $"goals[{index}]");
        });

    public static Edit PutInitiative(StrategyContent? current, string periodId, string code, InitiativeRequest initiative, IndicatorFacts facts) =>
        Change(current, periodId, "code", code, initiative.Code, facts, (request, key) =>
        {
            var initiatives = request.Initiatives!.ToList();
            var index = Replace(initiatives, initiatives.FindIndex(i => i!.Code == key), initiative with { Code = key });
            return (request with { Initiatives = initiatives }, $"initiatives[{index}]");
        });

    /// <summary>
    /// Replaces the indicator's target for the same year; where the period has one target of the indicator in
    /// another year, that one (the year moves); otherwise the target is added.
    /// </summary>
    public static Edit PutTarget(StrategyContent? current, string periodId, string indicator, TargetRequest target, IndicatorFacts facts) =>
        Change(current, periodId, "indicator", indicator, target.Indicator, facts, (request, key) =>
        {
            var targets = request.Targets!.ToList();
            var sameYear = targets.FindIndex(t => t!.Indicator == key && t.TargetYear == target.TargetYear);
            var ofIndicator = targets.FindAll(t => t!.Indicator == key);
            var at = sameYear >= 0 ? sameYear : ofIndicator.Count == 1 ? targets.IndexOf(ofIndicator[0]) : -1;
            var index = Replace(targets, at, target with { Indicator = key });
            return (request with { Targets = targets }, $"targets[{index}]");
        });

    /// <summary>
    /// Applies a change of one part of a period (named <paramref name="key"/> by the path) and validates the result.
    /// Faults of that part are keyed by its own field names (<c>title</c>, not <c>goals[3].title</c>).
    /// </summary>
    private static Edit Change(
        StrategyContent? current, string periodId, string keyField, string key, string? bodyKey, IndicatorFacts facts,
        Func<PeriodRequest, string, (PeriodRequest Request, string Path)> change)
    {
        if (current?.Period(periodId) is not { } period)
        {
            return NoPeriod(periodId);
        }

        if (bodyKey is not null && bodyKey.Trim() != key)
        {
            return Edit.Invalid(keyField, $"The body names '{bodyKey.Trim()}' but the path names '{key}'.");
        }

        var (request, path) = change(PeriodRequest.Of(period), key);
        var errors = PeriodValidator.Validate(periodId, request, KnownIndicators(current, facts));
        return errors.Count > 0
            ? Edit.Invalid(errors
                .GroupBy(e => e.Key.StartsWith(path + ".", StringComparison.Ordinal) ? e.Key[(path.Length + 1)..] : e.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal))
            : Edit.To(current.WithPeriod(request.ToPeriod(periodId, period, facts)));
    }

    internal static Edit NoPeriod(string periodId) => Edit.NotFound($"There is no strategy period '{periodId}'.");

    private static int Replace<T>(List<T> items, int index, T item)
    {
        if (index < 0)
        {
            items.Add(item);
            return items.Count - 1;
        }

        items[index] = item;
        return index;
    }

    /// <summary>
    /// The codes a target may name: those calculations named, those the seeded targets use, and those the strategy
    /// already uses, so a target accepted once never blocks a later edit of its period.
    /// </summary>
    private static HashSet<string> KnownIndicators(StrategyContent strategy, IndicatorFacts facts) =>
        facts.Codes
            .Concat(StrategySeeder.IndicatorCodes)
            .Concat(strategy.Periods.SelectMany(p => p.Targets).Select(t => t.Indicator))
            .ToHashSet(StringComparer.Ordinal);
}
