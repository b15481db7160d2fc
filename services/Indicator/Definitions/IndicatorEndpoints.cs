using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Indicator.Definitions;

public static class IndicatorEndpoints
{
    public static RouteGroupBuilder MapDefinitionEndpoints(this RouteGroupBuilder indicators)
    {
        indicators.MapPost("", Define)
            .RequireAuthorization(PlatformPolicies.Kansli)
            .WithSummary("Defines an indicator, or a new version of one, and recalculates the rounds it applies to")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        indicators.MapGet("", List)
            .RequireAuthorization(PlatformPolicies.Authenticated)
            .WithSummary("Lists the definition in force of every indicator")
            .Produces(StatusCodes.Status401Unauthorized);
        indicators.MapGet("/{code}", Get)
            .RequireAuthorization(PlatformPolicies.Authenticated)
            .WithSummary("The definition in force of one indicator")
            .Produces(StatusCodes.Status401Unauthorized);
        return indicators;
    }

    public static async Task<Results<Created<IndicatorResponse>, Ok<IndicatorResponse>, ProblemHttpResult>> Define(
        DefineIndicator request, HttpContext context, IndicatorDefinitions definitions, CancellationToken ct)
    {
        var outcome = await definitions.DefineAsync(request, context.Request.Headers.Authorization.ToString(), context.User.ClientId(), ct);
        return outcome switch
        {
            DefineOutcome.Defined { IsNewVersion: true } defined =>
                TypedResults.Created($"/api/v1/indicators/{defined.Definition.Code}", IndicatorResponse.From(defined.Definition)),
            DefineOutcome.Defined defined => TypedResults.Ok(IndicatorResponse.From(defined.Definition)),
            DefineOutcome.Invalid invalid => TypedResults.Problem(new HttpValidationProblemDetails(invalid.Errors)
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The indicator definition is not valid",
            }),
            DefineOutcome.SurveyUnavailable unavailable => TypedResults.Problem(
                title: "The questionnaire could not be checked", detail: unavailable.Detail, statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => throw new UnreachableException(),
        };
    }

    public static async Task<Ok<IReadOnlyList<IndicatorResponse>>> List(DefinitionStore definitions, CancellationToken ct)
    {
        var latest = await definitions.LatestOfEveryCodeAsync(ct);
        return TypedResults.Ok<IReadOnlyList<IndicatorResponse>>([.. latest.Select(IndicatorResponse.From)]);
    }

    public static async Task<Results<Ok<IndicatorResponse>, NotFound>> Get(string code, DefinitionStore definitions, CancellationToken ct) =>
        await definitions.LatestAsync(code, ct) is { } definition
            ? TypedResults.Ok(IndicatorResponse.From(definition))
            : TypedResults.NotFound();
}
