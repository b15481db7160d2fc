using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy.Periods;

/// <summary>The kansli's deletions of a part of a period, as pure functions of the latest strategy.</summary>
public static class PeriodDeletions
{
    /// <summary>A goal still linked from initiatives or targets stays: they would point at nothing.</summary>
    public static Edit DeleteGoal(StrategyContent? current, string periodId, string code)
    {
        if (current?.Period(periodId) is not { } period)
        {
            return PeriodEdits.NoPeriod(periodId);
        }

        if (period.Goals.All(g => g.Code != code))
        {
            return Edit.NotFound($"Period {periodId} has no goal '{code}'.");
        }

        var links = period.Initiatives.Where(i => i.Goals.Contains(code)).Select(i => $"initiative {i.Code}")
            .Concat(period.Targets.Where(t => t.Goal == code).Select(t => $"target {t.Indicator} {t.TargetYear}"))
            .ToList();
        if (links.Count > 0)
        {
            return Edit.Invalid("code", $"Goal '{code}' is still linked from {string.Join(", ", links)}; link them to another goal or delete them first.");
        }

        return Edit.To(current.WithPeriod(period with { Goals = period.Goals.Where(g => g.Code != code).ToList() }));
    }

    public static Edit DeleteInitiative(StrategyContent? current, string periodId, string code)
    {
        if (current?.Period(periodId) is not { } period)
        {
            return PeriodEdits.NoPeriod(periodId);
        }

        return period.Initiatives.Any(i => i.Code == code)
            ? Edit.To(current.WithPeriod(period with { Initiatives = period.Initiatives.Where(i => i.Code != code).ToList() }))
            : Edit.NotFound($"Period {periodId} has no initiative '{code}'.");
    }

    /// <summary>Deletes the indicator's targets in the period: the one of <paramref name="year"/>, or all of them without a year.</summary>
    public static Edit DeleteTarget(StrategyContent? current, string periodId, string indicator, int? year)
    {
        if (current?.Period(periodId) is not { } period)
        {
            return PeriodEdits.NoPeriod(periodId);
        }

        bool Deleted(Target t) => t.Indicator == indicator && (year is null || t.TargetYear == year);
        return period.Targets.Any(Deleted)
            ? Edit.To(current.WithPeriod(period with { Targets = period.Targets.Where(t => !Deleted(t)).ToList() }))
            : Edit.NotFound(year is null ? $"Period {periodId} has no target for {indicator}." : $"Period {periodId} has no target for {indicator} in {year}.");
    }
}
