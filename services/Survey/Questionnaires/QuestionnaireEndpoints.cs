using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Survey.Questionnaires;

public static class QuestionnaireEndpoints
{
    public static IEndpointRouteBuilder MapQuestionnaireEndpoints(this IEndpointRouteBuilder api)
    {
        var questionnaires = api.MapGroup("/questionnaires").WithTags("Questionnaires");
        questionnaires.MapPost("/", Define)
            .WithName("DefineQuestionnaire")
            .WithSummary("Defines a questionnaire; posting an existing id stores its next version.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(PlatformPolicies.Kansli);
        questionnaires.MapGet("/", List)
            .WithName("ListQuestionnaires")
            .WithSummary("The latest version of every questionnaire.")
            .RequireAuthorization(PlatformPolicies.Authenticated);
        questionnaires.MapGet("/{id}", Get)
            .WithName("GetQuestionnaire")
            .WithSummary("The latest version of a questionnaire.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        questionnaires.MapGet("/{id}/versions/{version:int}", GetVersion)
            .WithName("GetQuestionnaireVersion")
            .WithSummary("One version of a questionnaire, e.g. the one a round pins (its questionnaireVersion).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        return api;
    }

    public static async Task<Results<Created<Questionnaire>, ProblemHttpResult>> Define(
        DefineQuestionnaire definition, ClaimsPrincipal user, QuestionnaireStore store, TimeProvider clock, CancellationToken ct)
    {
        var faults = QuestionnaireRules.Validate(definition);
        if (faults.Count > 0)
        {
            return SurveyProblems.Validation(faults, "The questionnaire was not stored; correct every field listed.");
        }

        var questionnaire = await store.AddVersionAsync(definition.Id, version => new Questionnaire(
            definition.Id, version, definition.Title, definition.Population, definition.Questions,
            clock.GetUtcNow(), user.ClientId(), definition.Sections), ct);
        return TypedResults.Created($"/api/v1/questionnaires/{questionnaire.Id}", questionnaire);
    }

    public static async Task<Ok<IReadOnlyList<Questionnaire>>> List(QuestionnaireStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListLatestAsync(ct));

    public static async Task<Results<Ok<Questionnaire>, ProblemHttpResult>> Get(string id, QuestionnaireStore store, CancellationToken ct) =>
        await store.LatestAsync(id, ct) is { } questionnaire
            ? TypedResults.Ok(questionnaire)
            : SurveyProblems.NotFound($"There is no questionnaire '{id}'.");

    public static async Task<Results<Ok<Questionnaire>, ProblemHttpResult>> GetVersion(
        string id, int version, QuestionnaireStore store, CancellationToken ct) =>
        await store.GetAsync(id, version, ct) is { } questionnaire
            ? TypedResults.Ok(questionnaire)
            : SurveyProblems.NotFound($"Questionnaire '{id}' has no version {version}.");
}
