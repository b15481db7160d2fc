using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VisionEHalsa.Contracts;
using VisionEHalsa.Strategy.Indicators;
using VisionEHalsa.Strategy.Targets;
using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy.Periods;

// Every field is nullable so that a missing one reaches the validator and comes back as a 422 naming it.

/// <summary>A strategy period as <c>GET /api/v1/strategy</c> returns it (its targets' statuses are ignored).</summary>
public sealed record PeriodRequest(
    [property: Required, MaxLength(PeriodLimits.TitleLength)] string? Title,
    [property: Required, Range(PeriodLimits.FirstYear, PeriodLimits.LastYear)] int? From,
    [property: Required, Range(PeriodLimits.FirstYear, PeriodLimits.LastYear)] int? To,
    [property: Required, MaxLength(PeriodLimits.Goals)] IReadOnlyList<GoalRequest?>? Goals,
    [property: Required, MaxLength(PeriodLimits.Initiatives)] IReadOnlyList<InitiativeRequest?>? Initiatives,
    [property: Required, MaxLength(PeriodLimits.Targets)] IReadOnlyList<TargetRequest?>? Targets,
    [property: MaxLength(PeriodLimits.CodeLength)] string? Id = null)
{
    /// <summary>
    /// The period to store; call only after <see cref="PeriodValidator"/> found no fault. A target's comparator is
    /// stored only where it departs from its indicator's direction or was pinned before (see <see cref="Comparators.ToStore"/>).
    /// </summary>
    public Period ToPeriod(string id, Period? stored, IndicatorFacts facts) => new(
        id,
        Title!.Trim(),
        From!.Value,
        To!.Value,
        Goals!.Select(g => new StrategyGoal(g!.Code!.Trim(), g.Title!.Trim(), g.Description?.Trim() ?? string.Empty)).ToList(),
        Initiatives!.Select(i => new StrategyInitiative(
            i!.Code!.Trim(), i.Title!.Trim(), Blank(i.Owner), Blank(i.Status), i.Goals?.Select(g => g!.Trim()).ToList() ?? [])).ToList(),
        Targets!.Select(t => t!.ToTarget(stored, facts)).ToList());

    /// <summary>A stored period in request form, so an edit of one part is checked like a whole period.</summary>
    public static PeriodRequest Of(Period period) => new(
        period.Title,
        period.From,
        period.To,
        period.Goals.Select(g => new GoalRequest(g.Code, g.Title, g.Description)).ToList(),
        period.Initiatives.Select(i => new InitiativeRequest(i.Code, i.Title, i.Owner, i.Status, i.Goals.ToList<string?>())).ToList(),
        period.Targets.Select(t => new TargetRequest(t.Indicator, t.Goal, t.TargetYear, t.TargetValue, t.BaselineYear, t.Comparator?.Text())).ToList(),
        period.Id);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record GoalRequest(
    [property: Required, MaxLength(PeriodLimits.CodeLength)] string? Code,
    [property: Required, MaxLength(PeriodLimits.TitleLength)] string? Title,
    [property: MaxLength(PeriodLimits.DescriptionLength)] string? Description = null);

public sealed record InitiativeRequest(
    [property: Required, MaxLength(PeriodLimits.CodeLength)] string? Code,
    [property: Required, MaxLength(PeriodLimits.TitleLength)] string? Title,
    [property: MaxLength(PeriodLimits.TitleLength)] string? Owner = null,
    [property: MaxLength(PeriodLimits.CodeLength)] string? Status = null,
    [property: MaxLength(PeriodLimits.Goals)] IReadOnlyList<string?>? Goals = null);

public sealed record TargetRequest(
    [property: Required, MaxLength(PeriodLimits.IndicatorLength)] string? Indicator,
    [property: Required, MaxLength(PeriodLimits.CodeLength)] string? Goal,
    [property: Required, Range(PeriodLimits.FirstYear, PeriodLimits.LastYear)] int? TargetYear,
    double? TargetValue = null,
    [property: Range(PeriodLimits.FirstYear, PeriodLimits.LastYear)] int? BaselineYear = null,
    [property: Description("atLeast or atMost; by default the indicator's direction (atLeast while it is unknown)."), MaxLength(PeriodLimits.ComparatorLength)]
    string? Comparator = null)
{
    /// <summary>Call only after <see cref="PeriodValidator"/> found no fault.</summary>
    public Target ToTarget(Period? stored, IndicatorFacts facts)
    {
        var indicator = Indicator!.Trim();
        Comparators.TryParse(Comparator, out var requested);
        var was = stored?.Targets.FirstOrDefault(t => t.Is(indicator, TargetYear!.Value));
        return new Target(indicator, Goal!.Trim(), TargetValue, TargetYear!.Value, BaselineYear,
            Comparators.ToStore(requested, was?.Comparator, facts.DefaultComparator(indicator)));
    }
}

public static class PeriodLimits
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int CodeLength = 40;
    public const int IndicatorLength = 40;
    public const int ComparatorLength = 10;

    /// <summary>A target may lie at most this many years after its period ends.</summary>
    public const int TargetReachYears = 10;
    public const int TitleLength = 300;
    public const int DescriptionLength = 4000;
    public const int Goals = 50;
    public const int Initiatives = 200;
    public const int Targets = 500;
}
