using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.Strategy.Indicators;
using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy.Periods;

/// <summary>The kansli's edits: a whole period, or one goal, initiative or target of it. Each stores the next version.</summary>
public static class PeriodEndpoints
{
    public static RouteGroupBuilder MapPeriodEndpoints(this RouteGroupBuilder group)
    {
        group.MapPut("/periods/{id}", PutPeriodAsync).Edits("PutStrategyPeriod", "Replaces (or adds) one period.", partOfAPeriod: false);
        group.MapPut("/periods/{id}/goals/{code}", PutGoalAsync).Edits("PutStrategyGoal", "Replaces (or adds) one goal area of a period.");
        group.MapDelete("/periods/{id}/goals/{code}", DeleteGoalAsync).Edits("DeleteStrategyGoal", "Deletes a goal area no initiative or target links to.");
        group.MapPut("/periods/{id}/initiatives/{code}", PutInitiativeAsync).Edits("PutStrategyInitiative", "Replaces (or adds) one initiative of a period.");
        group.MapDelete("/periods/{id}/initiatives/{code}", DeleteInitiativeAsync).Edits("DeleteStrategyInitiative", "Deletes one initiative of a period.");
        group.MapPut("/periods/{id}/targets/{indicator}", PutTargetAsync)
            .Edits("PutStrategyTarget", "Replaces the indicator's target for the body's year (or its only target), or adds it.");
        group.MapDelete("/periods/{id}/targets/{indicator}", DeleteTargetAsync)
            .Edits("DeleteStrategyTarget", "Deletes the indicator's target of the given year, or all its targets in the period without one.");
        return group;
    }

    public static Task<Results<Ok<StrategyView>, ProblemHttpResult>> PutPeriodAsync(
        string id, PeriodRequest period, ClaimsPrincipal user, StrategyVersions versions, IndicatorValues indicators, CancellationToken ct) =>
        ApplyAsync((current, facts) => PeriodEdits.PutPeriod(current, id, period, facts), user, versions, indicators, ct);

    public static Task<Results<Ok<StrategyView>, ProblemHttpResult>> PutGoalAsync(
        string id, string code, GoalRequest goal, ClaimsPrincipal user, StrategyVersions versions, IndicatorValues indicators, CancellationToken ct) =>
        ApplyAsync((current, facts) => PeriodEdits.PutGoal(current, id, code, goal, facts), user, versions, indicators, ct);

    public static Task<Results<Ok<StrategyView>, ProblemHttpResult>> DeleteGoalAsync(
        string id, string code, ClaimsPrincipal user, StrategyVersions versions, IndicatorValues indicators, CancellationToken ct) =>
        ApplyAsync((current, _) => PeriodDeletions.DeleteGoal(current, id, code), user, versions, indicators, ct);

    public static Task<Results<Ok<StrategyView>, ProblemHttpResult>> PutInitiativeAsync(
        string id, string code, InitiativeRequest initiative, ClaimsPrincipal user, StrategyVersions versions, IndicatorValues indicators, CancellationToken ct) =>
        ApplyAsync((current, facts) => PeriodEdits.PutInitiative(current, id, code, initiative, facts), user, versions, indicators, ct);

    public static Task<Results<Ok<StrategyView>, ProblemHttpResult>> DeleteInitiativeAsync(
        string id, string code, ClaimsPrincipal user, StrategyVersions versions, IndicatorValues indicators, CancellationToken ct) =>
        ApplyAsync((current, _) => PeriodDeletions.DeleteInitiative(current, id, code), user, versions, indicators, ct);

    public static Task<Results<Ok<StrategyView>, ProblemHttpResult>> PutTargetAsync(
        string id, string indicator, TargetRequest target, ClaimsPrincipal user, StrategyVersions versions, IndicatorValues indicators, CancellationToken ct) =>
        ApplyAsync((current, facts) => PeriodEdits.PutTarget(current, id, indicator, target, facts), user, versions, indicators, ct);

    public static Task<Results<Ok<StrategyView>, ProblemHttpResult>> DeleteTargetAsync(
        string id, string indicator, int? year, ClaimsPrincipal user, StrategyVersions versions, IndicatorValues indicators, CancellationToken ct) =>
        ApplyAsync((current, _) => PeriodDeletions.DeleteTarget(current, id, indicator, year), user, versions, indicators, ct);

    private static async Task<Results<Ok<StrategyView>, ProblemHttpResult>> ApplyAsync(
        Func<StrategyContent?, IndicatorFacts, Edit> edit, ClaimsPrincipal user, StrategyVersions versions, IndicatorValues indicators, CancellationToken ct)
    {
        var facts = await indicators.FactsAsync(ct);
        var result = await versions.AppendAsync(current => edit(current, facts), user.ClientId(), ct);
        return result switch
        {
            { Refused.Errors: { } errors } => TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The change to the strategy is not valid.",
            }),
            { Refused.Missing: { } missing } => TypedResults.Problem(missing, statusCode: StatusCodes.Status404NotFound),
            { Version: { } version } => TypedResults.Ok(StrategyView.From(version, facts)),
            _ => TypedResults.Problem("Other changes to the strategy kept arriving at the same time; send the change again.", statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static RouteHandlerBuilder Edits(this RouteHandlerBuilder endpoint, string name, string summary, bool partOfAPeriod = true)
    {
        if (partOfAPeriod)
        {
            endpoint.ProducesProblem(StatusCodes.Status404NotFound);
        }

        return endpoint
            .WithName(name)
            .WithSummary(summary + " Stores the next version of the strategy and announces it as StrategyChanged.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .RequireAuthorization(PlatformPolicies.Kansli);
    }
}
