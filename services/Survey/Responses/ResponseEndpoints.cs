using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
                "with the same Idempotency-Key and answers returns the first receipt.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        responses.MapGet("/", Latest)
            .WithName("GetResponse")
            .WithSummary("The latest version of an organisation's response.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        responses.MapGet("/versions", Versions)
            .WithName("ListResponseVersions")
            .WithSummary("Every version of an organisation's response: when it was received and by which client.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        return api;
    }

    public static Task<Results<Ok<ResponseReceipt>, ProblemHttpResult>> Submit(
        string roundId,
        string organisationId,
        SubmitResponse body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user,
        ResponseIntake intake,
        CancellationToken ct) =>
        intake.SubmitAsync(roundId, organisationId, body, idempotencyKey, user, ct);

    public static async Task<Results<Ok<ResponseView>, ProblemHttpResult>> Latest(
        string roundId, string organisationId, ClaimsPrincipal user, ResponseReading reading, CancellationToken ct)
    {
        if (await reading.RefusalAsync(roundId, organisationId, user, ct) is { } refusal)
        {
            return refusal;
        }

        return await reading.Responses.LatestAsync(roundId, organisationId, ct) is { } latest
            ? TypedResults.Ok(latest.ToView())
            : SurveyProblems.NotFound($"{organisationId} has not responded to round {roundId}.");
    }

    public static async Task<Results<Ok<List<ResponseVersionSummary>>, ProblemHttpResult>> Versions(
        string roundId, string organisationId, ClaimsPrincipal user, ResponseReading reading, CancellationToken ct)
    {
        if (await reading.RefusalAsync(roundId, organisationId, user, ct) is { } refusal)
        {
            return refusal;
        }

        var versions = await reading.Responses.VersionsAsync(roundId, organisationId, ct);
        return TypedResults.Ok(versions.Select(v => v.ToSummary()).ToList());
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
