using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.Strategy.Periods;

namespace VisionEHalsa.Strategy.Versions;

public static class StrategyEndpoints
{
    public static RouteGroupBuilder MapStrategy(this RouteGroupBuilder group)
    {
        group.MapGet("/", GetAsync)
            .WithName("GetStrategy")
            .WithSummary("The vision and every strategy period with its goals, initiatives and targets, at the latest version.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Produces(StatusCodes.Status401Unauthorized)
            .RequireAuthorization(PlatformPolicies.Authenticated);

        group.MapPut("/periods/{id}", PutPeriodAsync)
            .WithName("PutStrategyPeriod")
            .WithSummary("Replaces (or adds) one period and stores the next version of the strategy.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .RequireAuthorization(PlatformPolicies.Kansli);
        return group;
    }

    public static async Task<Results<Ok<StrategyView>, ProblemHttpResult>> GetAsync(StrategyVersions versions, CancellationToken ct)
    {
        var latest = await versions.LatestAsync(ct);
        return latest is null
            ? TypedResults.Problem("The strategy has not been seeded yet.", statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(StrategyView.From(latest));
    }

    public static async Task<Results<Ok<StrategyView>, ProblemHttpResult>> PutPeriodAsync(
        string id, PeriodRequest period, ClaimsPrincipal user, StrategyVersions versions, CancellationToken ct)
    {
        var errors = PeriodValidator.Validate(id, period);
        if (errors.Count > 0)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The period is not valid.",
            });
        }

        var replacement = period.ToPeriod(id);
        var result = await versions.AppendAsync(current => (current ?? StrategySnapshots.Empty).WithPeriod(replacement), user.ClientId(), ct);
        return result.Version is null
            ? TypedResults.Problem("Other changes to the strategy kept arriving at the same time; send the period again.", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Ok(StrategyView.From(result.Version));
    }
}
