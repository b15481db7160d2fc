using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.Strategy.Indicators;

namespace VisionEHalsa.Strategy.Versions;

/// <summary>Reading the strategy: the latest version, an earlier one, and the history of versions.</summary>
public static class StrategyEndpoints
{
    public const int MaxHistory = 1000;
    public const int DefaultHistory = 100;

    public static RouteGroupBuilder MapStrategy(this RouteGroupBuilder group)
    {
        group.MapGet("/", GetAsync)
            .WithName("GetStrategy")
            .WithSummary("The vision and every strategy period with its goals, initiatives and targets (each with its status), at the latest version.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Produces(StatusCodes.Status401Unauthorized)
            .RequireAuthorization(PlatformPolicies.Authenticated);

        group.MapGet("/versions/{version:int}", GetVersionAsync)
            .WithName("GetStrategyVersion")
            .WithSummary("The strategy as one earlier version stored it; target statuses are those of the indicator values known now.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status401Unauthorized)
            .RequireAuthorization(PlatformPolicies.Authenticated);

        group.MapGet("/history", GetHistoryAsync)
            .WithName("GetStrategyHistory")
            .WithSummary("Every version, newest first: who changed the strategy, when, and what changed. Page with before= and limit=.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .Produces(StatusCodes.Status401Unauthorized)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        return group;
    }

    public static async Task<Results<Ok<StrategyView>, ProblemHttpResult>> GetAsync(StrategyVersions versions, IndicatorValues indicators, CancellationToken ct)
    {
        var latest = await versions.LatestAsync(ct);
        return latest is null
            ? TypedResults.Problem("The strategy has not been seeded yet.", statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(StrategyView.From(latest, await indicators.FactsAsync(ct)));
    }

    public static async Task<Results<Ok<StrategyView>, ProblemHttpResult>> GetVersionAsync(
        int version, StrategyVersions versions, IndicatorValues indicators, CancellationToken ct)
    {
        var stored = version >= 1 ? await versions.GetAsync(version, ct) : null;
        return stored is null
            ? TypedResults.Problem($"The strategy has no version {version}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(StrategyView.From(stored, await indicators.FactsAsync(ct)));
    }

    /// <param name="before">Only versions older than this one (the next page).</param>
    /// <param name="limit">At most this many versions (1-1000, default 100).</param>
    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> GetHistoryAsync(
        int? before, int? limit, StrategyVersions versions, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxHistory)
        {
            errors["limit"] = [$"From 1 to {MaxHistory}."];
        }

        if (before is < 1)
        {
            errors["before"] = ["A version number (versions start at 1)."];
        }

        return errors.Count > 0
            ? TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status422UnprocessableEntity, Title = "The query is not valid." })
            : TypedResults.Ok(await versions.HistoryAsync(before, limit ?? DefaultHistory, ct));
    }
}
