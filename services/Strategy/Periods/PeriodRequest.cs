using System.ComponentModel.DataAnnotations;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Strategy.Periods;

// Every field is nullable so that a missing one reaches the validator and comes back as a 422 naming it.

/// <summary>A strategy period as <c>GET /api/v1/strategy</c> returns it.</summary>
public sealed record PeriodRequest(
    [property: Required, MaxLength(PeriodLimits.TitleLength)] string? Title,
    [property: Required, Range(PeriodLimits.FirstYear, PeriodLimits.LastYear)] int? From,
    [property: Required, Range(PeriodLimits.FirstYear, PeriodLimits.LastYear)] int? To,
    [property: Required, MaxLength(PeriodLimits.Goals)] IReadOnlyList<GoalRequest?>? Goals,
    [property: Required, MaxLength(PeriodLimits.Initiatives)] IReadOnlyList<InitiativeRequest?>? Initiatives,
    [property: Required, MaxLength(PeriodLimits.Targets)] IReadOnlyList<TargetRequest?>? Targets,
    [property: MaxLength(PeriodLimits.CodeLength)] string? Id = null)
{
    /// <summary>The contract period; call only after <see cref="PeriodValidator"/> found no fault.</summary>
    public StrategyPeriod ToPeriod(string id) => new(
        id,
        Title!.Trim(),
        From!.Value,
        To!.Value,
        Goals!.Select(g => new StrategyGoal(g!.Code!.Trim(), g.Title!.Trim(), g.Description?.Trim() ?? string.Empty)).ToList(),
        Initiatives!.Select(i => new StrategyInitiative(
            i!.Code!.Trim(), i.Title!.Trim(), Blank(i.Owner), Blank(i.Status), i.Goals?.Select(g => g!.Trim()).ToList() ?? [])).ToList(),
        Targets!.Select(t => new StrategyTarget(t!.Indicator!.Trim(), t.Goal!.Trim(), t.TargetValue, t.TargetYear!.Value, t.BaselineYear)).ToList());

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
    [property: Range(PeriodLimits.FirstYear, PeriodLimits.LastYear)] int? BaselineYear = null);

public static class PeriodLimits
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int CodeLength = 40;
    public const int IndicatorLength = 40;
    public const int TitleLength = 300;
    public const int DescriptionLength = 4000;
    public const int Goals = 50;
    public const int Initiatives = 200;
    public const int Targets = 500;
}
