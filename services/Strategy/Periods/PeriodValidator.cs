using System.Text.RegularExpressions;
using VisionEHalsa.Strategy.Targets;

namespace VisionEHalsa.Strategy.Periods;

/// <summary>Checks a period as a whole, so one answer lists every fault (keys name the JSON path of each).</summary>
public static partial class PeriodValidator
{
    /// <param name="knownIndicators">The indicator codes a target may name; empty while none is known, which accepts any.</param>
    public static Dictionary<string, string[]> Validate(string id, PeriodRequest period, IReadOnlySet<string>? knownIndicators = null)
    {
        var errors = new Faults();
        if (!Code().IsMatch(id))
        {
            errors.Add("id", $"A period id is 1-{PeriodLimits.CodeLength} letters, digits, '.', '_' or '-', like 2020-2022.");
        }
        else if (period.Id is not null && period.Id != id)
        {
            errors.Add("id", $"The body names period '{period.Id}' but the path names '{id}'.");
        }

        errors.Text("title", period.Title, PeriodLimits.TitleLength, required: true);
        errors.Year("from", period.From, required: true);
        errors.Year("to", period.To, required: true);
        if (period.From is { } from && period.To is { } to && from > to)
        {
            errors.Add("from", $"The period starts ({from}) after it ends ({to}).");
        }

        var goals = ValidateGoals(period, errors);
        ValidateInitiatives(period, goals, errors);
        ValidateTargets(period, goals, knownIndicators ?? new HashSet<string>(), errors);
        return errors.ToDictionary();
    }

    private static HashSet<string> ValidateGoals(PeriodRequest period, Faults errors)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (!errors.List("goals", period.Goals, PeriodLimits.Goals))
        {
            return codes;
        }

        for (var i = 0; i < period.Goals!.Count; i++)
        {
            var path = $"goals[{i}]";
            if (period.Goals[i] is not { } goal)
            {
                errors.Add(path, "A goal is an object {code, title, description}.");
                continue;
            }

            if (errors.Code($"{path}.code", goal.Code) && !codes.Add(goal.Code!.Trim()))
            {
                errors.Add($"{path}.code", $"Goal code '{goal.Code.Trim()}' appears more than once in the period.");
            }

            errors.Text($"{path}.title", goal.Title, PeriodLimits.TitleLength, required: true);
            errors.Text($"{path}.description", goal.Description, PeriodLimits.DescriptionLength, required: false);
        }

        return codes;
    }

    private static void ValidateInitiatives(PeriodRequest period, HashSet<string> goals, Faults errors)
    {
        if (!errors.List("initiatives", period.Initiatives, PeriodLimits.Initiatives))
        {
            return;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < period.Initiatives!.Count; i++)
        {
            var path = $"initiatives[{i}]";
            if (period.Initiatives[i] is not { } initiative)
            {
                errors.Add(path, "An initiative is an object {code, title, owner, status, goals}.");
                continue;
            }

            if (errors.Code($"{path}.code", initiative.Code) && !codes.Add(initiative.Code!.Trim()))
            {
                errors.Add($"{path}.code", $"Initiative code '{initiative.Code.Trim()}' appears more than once in the period.");
            }

            errors.Text($"{path}.title", initiative.Title, PeriodLimits.TitleLength, required: true);
            errors.Text($"{path}.owner", initiative.Owner, PeriodLimits.TitleLength, required: false);
            errors.Text($"{path}.status", initiative.Status, PeriodLimits.CodeLength, required: false);
            foreach (var goal in initiative.Goals ?? [])
            {
                if (goal is null || !goals.Contains(goal.Trim()))
                {
                    errors.Add($"{path}.goals", $"Goal '{goal}' is not a goal of this period.");
                }
            }
        }
    }

    private static void ValidateTargets(PeriodRequest period, HashSet<string> goals, IReadOnlySet<string> known, Faults errors)
    {
        if (!errors.List("targets", period.Targets, PeriodLimits.Targets))
        {
            return;
        }

        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < period.Targets!.Count; i++)
        {
            var path = $"targets[{i}]";
            if (period.Targets[i] is not { } target)
            {
                errors.Add(path, "A target is an object {indicator, goal, targetValue, targetYear, baselineYear, comparator}.");
                continue;
            }

            var indicatorValid = target.Indicator is not null && Indicator().IsMatch(target.Indicator.Trim());
            if (!indicatorValid)
            {
                errors.Add($"{path}.indicator", "An indicator code is an upper-case letter followed by up to 39 upper-case letters, digits or '_', like DIGPLAN.");
            }
            else if (known.Count > 0 && !known.Contains(target.Indicator!.Trim()))
            {
                errors.Add($"{path}.indicator", $"Unknown indicator '{target.Indicator.Trim()}': no indicator calculation has named it and no seeded target uses it.");
            }

            if (string.IsNullOrWhiteSpace(target.Goal))
            {
                errors.Add($"{path}.goal", "A target names the goal it serves.");
            }
            else if (!goals.Contains(target.Goal.Trim()))
            {
                errors.Add($"{path}.goal", $"Goal '{target.Goal.Trim()}' is not a goal of this period.");
            }

            errors.Year($"{path}.targetYear", target.TargetYear, required: true);
            errors.Year($"{path}.baselineYear", target.BaselineYear, required: false);
            if (target.TargetYear is { } year && period.From is { } from && year < from)
            {
                errors.Add($"{path}.targetYear", $"Target year {year} is before the period starts ({from}).");
            }

            if (target.TargetYear is { } late && period.To is { } to && late > to + PeriodLimits.TargetReachYears)
            {
                errors.Add($"{path}.targetYear", $"Target year {late} is more than {PeriodLimits.TargetReachYears} years after the period ends ({to}).");
            }

            if (!Comparators.TryParse(target.Comparator, out _))
            {
                errors.Add($"{path}.comparator", $"A comparator is '{Comparators.AtLeastText}' or '{Comparators.AtMostText}', not '{target.Comparator}'.");
            }

            if (target.BaselineYear is { } baseline && target.TargetYear is { } targetYear && baseline > targetYear)
            {
                errors.Add($"{path}.baselineYear", $"Baseline year {baseline} is after the target year {targetYear}.");
            }

            if (indicatorValid && target.TargetYear is { } y && !seen.Add((target.Indicator!.Trim(), y)))
            {
                errors.Add($"{path}.indicator", $"{target.Indicator.Trim()} already has a target for {y} in this period.");
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,40}$")]
    internal static partial Regex Code();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]{0,39}$")]
    private static partial Regex Indicator();
}
