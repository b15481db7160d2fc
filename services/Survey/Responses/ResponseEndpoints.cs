using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.Survey.Organisations;
using VisionEHalsa.Survey.Rounds;

namespace VisionEHalsa.Survey.Responses;

public static class ResponseEndpoints
{
    public static IEndpointRouteBuilder MapResponseEndpoints(this IEndpointRouteBuilder api)
    {
        var responses = api.MapGroup("/rounds/{roundId}/responses/{organisationId}").WithTags("Responses");
        responses.MapPut("/", Submit)
            .WithName("SubmitResponse")
            .WithSummary("Submits an organisation's answers; a correction is another PUT and gets the next version.")
            .WithDescription("Partners for their own organisation, the kansli for any. Invalid answers get 422 listing every " +
                "failing question code (errors) and the kind of each fault (codes); nothing is stored. Repeating a request " +
                "with the same Idempotency-Key and answers returns the first receipt. With \"status\": \"draft\" the answers " +
                "are checked one by one but unanswered required questions are allowed; a draft is stored as a version but " +
                "neither counted in the round's completeness nor published until a submitted version follows.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .AddEndpointFilter(RequireUtf8)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        responses.MapGet("/", Latest)
            .WithName("GetResponse")
            .WithSummary("The latest version of an organisation's response; ?status=submitted or ?status=draft picks the latest of that status.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        responses.MapGet("/versions", Versions)
            .WithName("ListResponseVersions")
            .WithSummary("Every version of an organisation's response: when it was received, by which client, and what changed (per question code: from, to).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        responses.MapGet("/versions/{version:int}", Version)
            .WithName("GetResponseVersion")
            .WithSummary("One earlier (or the latest) version of an organisation's response, with its answers.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        return api;
    }

    /// <summary>
    /// JSON travels as UTF-8 (RFC 8259); a body declared in another charset is refused rather than transcoded,
    /// so partners find out before their text arrives garbled somewhere else.
    /// </summary>
    public static async ValueTask<object?> RequireUtf8(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var contentType = context.HttpContext.Request.ContentType;
        if (MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.Charset is { HasValue: true } charset &&
            !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"The body is declared as {charset}; send JSON as UTF-8.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        return await next(context);
    }

    public static async Task<Results<Ok<ResponseReceipt>, ProblemHttpResult>> Submit(
        string roundId,
        string organisationId,
        SubmitResponse body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user,
        ResponseIntake intake,
        CancellationToken ct)
    {
        var result = await intake.SubmitAsync(roundId, organisationId, body, idempotencyKey, user, ct);
        SurveyMetrics.Record(result.Result);
        return result;
    }

    public static async Task<Results<Ok<ResponseView>, ProblemHttpResult>> Latest(
        string roundId, string organisationId, string? status, ClaimsPrincipal user, ResponseReading reading, CancellationToken ct)
    {
        if (await reading.RefusalAsync(roundId, organisationId, user, ct) is { } refusal)
        {
            return refusal;
        }

        var wanted = status is null ? null : ResponseIntake.ParseStatus(status);
        if (status is not null && wanted is null)
        {
            return SurveyProblems.Validation(
                new Dictionary<string, string[]> { ["status"] = ["Ask for status \"submitted\" or \"draft\", or leave it out for the latest of either."] },
                "No response was looked up.");
        }

        var latest = wanted is { } only
            ? await reading.Responses.LatestAsync(roundId, organisationId, only, ct)
            : await reading.Responses.LatestAsync(roundId, organisationId, ct);
        return latest is not null
            ? TypedResults.Ok(latest.ToView())
            : SurveyProblems.NotFound($"{organisationId} has no {(status is null ? "response" : status + " response")} in round {roundId}.");
    }

    public static async Task<Results<Ok<List<ResponseVersionSummary>>, ProblemHttpResult>> Versions(
        string roundId, string organisationId, ClaimsPrincipal user, ResponseReading reading, CancellationToken ct)
    {
        if (await reading.RefusalAsync(roundId, organisationId, user, ct) is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(ResponseHistory.Of(await reading.Responses.VersionsAsync(roundId, organisationId, ct)));
    }

    public static async Task<Results<Ok<ResponseView>, ProblemHttpResult>> Version(
        string roundId, string organisationId, int version, ClaimsPrincipal user, ResponseReading reading, CancellationToken ct)
    {
        if (await reading.RefusalAsync(roundId, organisationId, user, ct) is { } refusal)
        {
            return refusal;
        }

        return await reading.Responses.GetAsync(roundId, organisationId, version, ct) is { } stored
            ? TypedResults.Ok(stored.ToView())
            : SurveyProblems.NotFound($"{organisationId} has no version {version} in round {roundId}.");
    }
}

/// <summary>Who may read which responses: a partner its own organisation's, the kansli any.</summary>
public sealed class ResponseReading(RoundStore rounds, OrganisationRegistry organisations, ResponseStore responses)
{
    public ResponseStore Responses => responses;

    public async Task<ProblemHttpResult?> RefusalAsync(string roundId, string organisationId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.MayActFor(organisationId))
        {
            return SurveyProblems.Forbidden($"This client may read responses only of its own organisation, not of {organisationId}.");
        }

        if (await rounds.GetAsync(roundId, ct) is null)
        {
            return SurveyProblems.NotFound($"There is no round '{roundId}'.");
        }

        return organisations.Find(organisationId) is null
            ? SurveyProblems.NotFound($"There is no organisation '{organisationId}'.")
            : null;
    }
}
