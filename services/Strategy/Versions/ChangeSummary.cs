using System.Globalization;
using VisionEHalsa.Contracts;
using VisionEHalsa.Strategy.Targets;

namespace VisionEHalsa.Strategy.Versions;

/// <summary>
/// Says in English what one version changed, e.g. "2020-2022: target DIGPLAN 2025 set to 80". Computed from
/// the two strategies rather than told by each endpoint, so every way of editing gets the same wording.
/// </summary>
public static class ChangeSummary
{
    public const int MaxChanges = 10;

    public static string Describe(StrategyContent? before, StrategyContent after)
    {
        if (before is null)
        {
            return $"strategy created with periods {string.Join(", ", after.Periods.Select(p => p.Id))}";
        }

        var changes = Changes(before, after).ToList();
        return changes.Count switch
        {
            0 => "no change",
            <= MaxChanges => string.Join("; ", changes),
            _ => string.Join("; ", changes.Take(MaxChanges)) + $"; and {changes.Count - MaxChanges} more changes",
        };
    }

    private static IEnumerable<string> Changes(StrategyContent before, StrategyContent after)
    {
        if (before.Vision != after.Vision)
        {
            yield return "vision changed";
        }

        foreach (var period in after.Periods)
        {
            if (before.Period(period.Id) is not { } was)
            {
                yield return $"period {period.Id} added with {period.Goals.Count} goals, {period.Initiatives.Count} initiatives and {period.Targets.Count} targets";
                continue;
            }

            foreach (var change in PeriodChanges(was, period))
            {
                yield return $"{period.Id}: {change}";
            }
        }

        foreach (var removed in before.Periods.Where(p => after.Period(p.Id) is null))
        {
            yield return $"period {removed.Id} removed";
        }
    }

    private static IEnumerable<string> PeriodChanges(Period was, Period now)
    {
        if (was.Title != now.Title)
        {
            yield return $"title set to '{now.Title}'";
        }

        if (was.From != now.From || was.To != now.To)
        {
            yield return $"years set to {now.From}-{now.To}";
        }

        var changes = Diff(was.Goals, now.Goals, g => g.Code, g => $"goal {g.Code}", g => $" ('{g.Title}')", GoalChanges)
            .Concat(Diff(was.Initiatives, now.Initiatives, i => i.Code, i => $"initiative {i.Code}", i => $" ('{i.Title}')", InitiativeChanges))
            .Concat(Diff(was.Targets, now.Targets, t => $"{t.Indicator} {t.TargetYear}", t => $"target {t.Indicator} {t.TargetYear}", AddedTarget, TargetChanges));
        foreach (var change in changes)
        {
            yield return change;
        }
    }

    /// <summary>Items added, changed (each changed field) and removed, matched by key, in the new order.</summary>
    private static IEnumerable<string> Diff<T>(
        IReadOnlyList<T> was, IReadOnlyList<T> now, Func<T, string> key, Func<T, string> name, Func<T, string> addedNote, Func<T, T, IEnumerable<string?>> fields)
    {
        var old = was.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var current = now.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var item in now)
        {
            if (!old.TryGetValue(key(item), out var previous))
            {
                yield return $"{name(item)} added{addedNote(item)}";
                continue;
            }

            foreach (var field in fields(previous, item).OfType<string>())
            {
                yield return $"{name(item)} {field}";
            }
        }

        foreach (var item in was.Where(i => !current.Contains(key(i))))
        {
            yield return $"{name(item)} removed";
        }
    }

    // Each list names the fields that changed; a null is a field that did not.
    private static IEnumerable<string?> GoalChanges(StrategyGoal was, StrategyGoal now) =>
    [
        was.Title != now.Title ? $"title set to '{now.Title}'" : null,
        was.Description != now.Description ? "description changed" : null,
    ];

    private static IEnumerable<string?> InitiativeChanges(StrategyInitiative was, StrategyInitiative now) =>
    [
        was.Title != now.Title ? $"title set to '{now.Title}'" : null,
        was.Owner == now.Owner ? null : now.Owner is null ? "owner cleared" : $"owner set to '{now.Owner}'",
        was.Status == now.Status ? null : now.Status is null ? "status cleared" : $"status set to '{now.Status}'",
        was.Goals.SequenceEqual(now.Goals) ? null : now.Goals.Count == 0 ? "goal links cleared" : $"goals set to {string.Join(", ", now.Goals)}",
    ];

    private static string AddedTarget(Target target) =>
        target.TargetValue is { } value ? $", set to {Number(value)}{ComparatorNote(target.Comparator)}" : " without a number";

    private static IEnumerable<string?> TargetChanges(Target was, Target now) =>
    [
        (now.TargetValue, was.TargetValue) switch
        {
            _ when now.TargetValue == was.TargetValue => null,
            (null, _) => "no longer has a number",
            ({ } value, null) => $"set to {Number(value)}",
            ({ } value, { } old) => $"set to {Number(value)} (was {Number(old)})",
        },
        was.Goal != now.Goal ? $"moved to goal {now.Goal}" : null,
        was.BaselineYear == now.BaselineYear ? null : now.BaselineYear is { } year ? $"baseline year set to {year}" : "baseline year cleared",
        was.Comparator == now.Comparator ? null : now.Comparator is { } c ? $"comparator set to {c.Text()}" : "comparator follows the indicator",
    ];

    private static string ComparatorNote(Comparator? comparator) => comparator is { } c ? $" ({c.Text()})" : string.Empty;

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
