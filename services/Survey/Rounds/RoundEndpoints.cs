using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.Survey.Organisations;
using VisionEHalsa.Survey.Questionnaires;
using VisionEHalsa.Survey.Responses;

namespace VisionEHalsa.Survey.Rounds;

public static class RoundEndpoints
{
    public static IEndpointRouteBuilder MapRoundEndpoints(this IEndpointRouteBuilder api)
    {
        var rounds = api.MapGroup("/rounds").WithTags("Rounds");
        rounds.MapPost("/", Create)
            .WithName("CreateRound")
            .WithSummary("Plans a round of a questionnaire's current version.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(PlatformPolicies.Kansli);
        rounds.MapGet("/{id}", Get)
            .WithName("GetRound")
            .WithSummary("A round with its completeness: expected, submitted and drafts, overall, per län and per kommungrupp.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        rounds.MapGet("/{id}/missing", Missing)
            .WithName("ListMissingResponses")
            .WithSummary("The organisations of the round's population that have not submitted a response, in code order.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Kansli);
        rounds.MapPost("/{id}/open", Open)
            .WithName("OpenRound")
            .WithSummary("Opens (or reopens) a round for responses and publishes SurveyRoundOpened.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Kansli);
        rounds.MapPost("/{id}/close", Close)
            .WithName("CloseRound")
            .WithSummary("Closes an open round and publishes SurveyRoundClosed.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Kansli);
        return api;
    }

    public static async Task<Results<Created<RoundView>, ProblemHttpResult>> Create(
        CreateRound request, RoundStore rounds, QuestionnaireStore questionnaires, RoundViews views, TimeProvider clock, CancellationToken ct)
    {
        var questionnaire = request.QuestionnaireId is null ? null : await questionnaires.LatestAsync(request.QuestionnaireId, ct);
        var faults = new Dictionary<string, string[]>();
        if (!ResourceIds.IsValid(request.Id))
        {
            faults["id"] = [$"'{request.Id}' is not a valid round id. {ResourceIds.Rule}"];
        }

        if (questionnaire is null)
        {
            faults["questionnaireId"] = [$"There is no questionnaire '{request.QuestionnaireId}'."];
        }

        if (request.Year is < 2000 or > 2100)
        {
            faults["year"] = ["Give the year the round follows up, from 2000 to 2100."];
        }

        if (request.OpensAt > request.ClosesAt)
        {
            faults["closesAt"] = ["closesAt is before opensAt."];
        }

        if (faults.Count > 0 || questionnaire is null)
        {
            return SurveyProblems.Validation(faults, "The round was not created; correct every field listed.");
        }

        var round = new Round(request.Id, questionnaire.Id, questionnaire.Version, request.Year, questionnaire.Population,
            RoundStatus.Planned, request.OpensAt, request.ClosesAt, clock.GetUtcNow(), OpenedAt: null, ClosedAt: null, Revision: 0);
        if (!await rounds.TryCreateAsync(round, ct))
        {
            return SurveyProblems.Conflict($"Round {request.Id} already exists.");
        }

        return TypedResults.Created($"/api/v1/rounds/{round.Id}", await views.ViewAsync(round, ct));
    }

    public static async Task<Results<Ok<RoundView>, ProblemHttpResult>> Get(string id, RoundStore rounds, RoundViews views, CancellationToken ct) =>
        await rounds.GetAsync(id, ct) is { } round
            ? TypedResults.Ok(await views.ViewAsync(round, ct))
            : SurveyProblems.NotFound($"There is no round '{id}'.");

    public static async Task<Results<Ok<List<MissingOrganisation>>, ProblemHttpResult>> Missing(
        string id, RoundStore rounds, RoundViews views, CancellationToken ct) =>
        await rounds.GetAsync(id, ct) is { } round
            ? TypedResults.Ok(await views.MissingAsync(round, ct))
            : SurveyProblems.NotFound($"There is no round '{id}'.");

    public static Task<Results<Ok<RoundView>, ProblemHttpResult>> Open(string id, RoundStore rounds, RoundViews views, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, RoundEventKind.Opened, rounds, views, clock, ct);

    public static Task<Results<Ok<RoundView>, ProblemHttpResult>> Close(string id, RoundStore rounds, RoundViews views, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, RoundEventKind.Closed, rounds, views, clock, ct);

    private static async Task<Results<Ok<RoundView>, ProblemHttpResult>> ChangeAsync(
        string id, RoundEventKind kind, RoundStore rounds, RoundViews views, TimeProvider clock, CancellationToken ct) =>
        await rounds.ChangeAsync(id, kind, clock.GetUtcNow(), ct) switch
        {
            RoundChange.Done done => TypedResults.Ok(await views.ViewAsync(done.Round, ct)),
            RoundChange.Refused refused => SurveyProblems.Conflict(refused.Reason),
            _ => SurveyProblems.NotFound($"There is no round '{id}'."),
        };
}

/// <summary>Builds what GET returns: the round with its completeness from the responses stored so far.</summary>
public sealed class RoundViews(OrganisationRegistry organisations, ResponseStore responses)
{
    public async Task<RoundView> ViewAsync(Round round, CancellationToken ct)
    {
        var population = organisations.OfType(round.Population).ToList();
        var progress = await responses.ProgressAsync(round.Id, ct);
        return RoundView.Of(round, Completeness.Of(population, progress, organisations.Counties));
    }

    public async Task<List<MissingOrganisation>> MissingAsync(Round round, CancellationToken ct)
    {
        var progress = await responses.ProgressAsync(round.Id, ct);
        return organisations.OfType(round.Population)
            .Where(o => !progress.Submitted.Contains(o.Id))
            .Select(o => new MissingOrganisation(o.Id, o.Name, o.Lanskod, o.Lan, o.Kommungrupp, progress.Drafting.Contains(o.Id)))
            .ToList();
    }
}
