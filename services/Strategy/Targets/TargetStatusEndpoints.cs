using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.Strategy.Indicators;
using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy.Targets;

public static class TargetStatusEndpoints
{
    public static RouteGroupBuilder MapTargetStatusEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/targets/status", GetStatusAsync)
            .WithName("GetTargetStatus")
            .WithSummary("Every target of the latest strategy (or of one period) with its status and the national values behind it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Produces(StatusCodes.Status401Unauthorized)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        return group;
    }

    /// <param name="period">Only the targets of this period, e.g. 2023-2025.</param>
    public static async Task<Results<Ok<TargetStatusList>, ProblemHttpResult>> GetStatusAsync(
        string? period, StrategyVersions versions, IndicatorValues indicators, CancellationToken ct)
    {
        if (await versions.LatestAsync(ct) is not { } latest)
        {
            return TypedResults.Problem("The strategy has not been seeded yet.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var periods = latest.Strategy.Periods.Where(p => period is null || p.Id == period).ToList();
        if (periods.Count == 0)
        {
            return TypedResults.Problem($"There is no strategy period '{period}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var facts = await indicators.FactsAsync(ct);
        var targets = periods
            .SelectMany(p => p.Targets.Select(t => TargetStatusItem.From(p.Id, t, facts.ComparatorOf(t), facts.StatusOf(t))))
            .ToList();
        return TypedResults.Ok(new TargetStatusList(latest.Version, targets));
    }
}

/// <summary>The targets' statuses at one strategy version.</summary>
public sealed record TargetStatusList(int Version, IReadOnlyList<TargetStatusItem> Targets);

public sealed record TargetStatusItem(
    string Period,
    string Indicator,
    string Goal,
    Comparator Comparator,
    TargetState Status,
    int? LatestYear,
    double? LatestValue,
    double? TrendPerYear,
    double? ProjectedValue,
    double? TargetValue,
    int TargetYear,
    int? BaselineYear)
{
    public static TargetStatusItem From(string period, Target target, Comparator comparator, TargetStatus status) =>
        new(period, target.Indicator, target.Goal, comparator, status.Status, status.LatestYear, status.LatestValue,
            status.TrendPerYear, status.ProjectedValue, status.TargetValue, status.TargetYear, target.BaselineYear);
}
