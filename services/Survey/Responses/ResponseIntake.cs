using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.Survey.Organisations;
using VisionEHalsa.Survey.Questionnaires;
using VisionEHalsa.Survey.Rounds;

namespace VisionEHalsa.Survey.Responses;

/// <summary>Accepts a response: checks who, where and what, then stores it as the next version and wakes the relay.</summary>
public sealed class ResponseIntake(
    RoundStore rounds,
    QuestionnaireStore questionnaires,
    OrganisationRegistry organisations,
    ResponseStore responses,
    IdempotencyStore idempotency,
    OutboxSignal signal,
    TimeProvider clock)
{
    public async Task<Results<Ok<ResponseReceipt>, ProblemHttpResult>> SubmitAsync(
        string roundId, string organisationId, SubmitResponse body, string? idempotencyKey, ClaimsPrincipal user, CancellationToken ct)
    {
        Activity.Current?.SetTag("platform.round", roundId);
        Activity.Current?.SetTag("platform.organisation", organisationId);

        if (!user.MayActFor(organisationId))
        {
            return SurveyProblems.Forbidden($"This client may submit responses only for its own organisation, not for {organisationId}.");
        }

        if (await rounds.GetAsync(roundId, ct) is not { } round)
        {
            return SurveyProblems.NotFound($"There is no round '{roundId}'.");
        }

        if (organisations.Find(organisationId) is not { } organisation)
        {
            return SurveyProblems.NotFound($"There is no organisation '{organisationId}'. Ids look like kommun:0180 or region:01.");
        }

        if (organisation.Type != round.Population)
        {
            return SurveyProblems.Unprocessable(
                $"{organisation.Name} ({organisationId}) is not in the population of round {roundId}, which asks every {round.Population}.");
        }

        if (body.Answers is not { } answers)
        {
            return SurveyProblems.Validation(
                new Dictionary<string, string[]> { ["answers"] = ["Give the answers as an object: {\"answers\": {\"CODE\": value}}."] },
                "The response was not stored.");
        }

        if (idempotencyKey is not null && !IdempotencyStore.IsValidKey(idempotencyKey))
        {
            return SurveyProblems.Validation(
                new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"Use 1 to {IdempotencyStore.MaxKeyLength} visible ASCII characters, e.g. a UUID."] },
                "The response was not stored.");
        }

        string? claim = null;
        if (idempotencyKey is not null)
        {
            switch (await idempotency.ClaimAsync(roundId, organisationId, idempotencyKey, IdempotencyStore.BodyHash(answers), ct))
            {
                case IdempotencyClaim.Replay replay:
                    var first = await responses.GetAsync(roundId, organisationId, replay.Version, ct)
                        ?? throw new InvalidOperationException($"Idempotency-Key {idempotencyKey} points at a missing version {replay.Version}.");
                    return TypedResults.Ok(first.ToReceipt());
                case IdempotencyClaim.OtherBody:
                    return SurveyProblems.Unprocessable(
                        "This Idempotency-Key was already used for a response with other answers. Use a new key for a new response.");
                case IdempotencyClaim.StillProcessing:
                    return SurveyProblems.Conflict("A response with this Idempotency-Key is still being processed; repeat the request shortly.");
                case IdempotencyClaim.Claimed claimed:
                    claim = claimed.Id;
                    break;
            }
        }

        var outcome = await AcceptAsync(round, organisation, answers, idempotencyKey, user, ct);
        if (claim is not null)
        {
            await (outcome.Stored is { } stored
                ? idempotency.CompleteAsync(claim, stored.Version, ct)
                : idempotency.ReleaseAsync(claim, ct));
        }

        return outcome.Result;
    }

    private async Task<(Results<Ok<ResponseReceipt>, ProblemHttpResult> Result, ResponseVersion? Stored)> AcceptAsync(
        Round round, Organisation organisation, IReadOnlyDictionary<string, JsonElement> answers, string? idempotencyKey, ClaimsPrincipal user, CancellationToken ct)
    {
        if (round.Status != RoundStatus.Open)
        {
            var status = round.Status == RoundStatus.Planned ? "planned and not open yet" : "closed";
            return (SurveyProblems.Conflict($"Round {round.Id} is {status}; responses are accepted only while a round is open."), null);
        }

        var questionnaire = await questionnaires.GetAsync(round.QuestionnaireId, round.QuestionnaireVersion, ct)
            ?? throw new InvalidOperationException($"Round {round.Id} pins questionnaire {round.QuestionnaireId} version {round.QuestionnaireVersion}, which is missing.");
        var problems = AnswerValidator.Validate(questionnaire, answers);
        if (problems.Count > 0)
        {
            var errors = problems.ToDictionary(p => p.Key, p => p.Value.Select(v => v.Message).ToArray());
            var codes = problems.ToDictionary(p => p.Key, p => p.Value.Select(v => v.Fault).Distinct().ToArray());
            var detail = $"Nothing was stored: {problems.Count} {(problems.Count == 1 ? "question needs" : "questions need")} correcting. Correct every question listed and submit again.";
            return (SurveyProblems.Validation(errors, detail, new Dictionary<string, object?> { ["codes"] = codes }), null);
        }

        var stored = await responses.AppendAsync(round.Id, organisation.Id, version => new ResponseVersion(
            ResponseVersion.DocumentId(round.Id, organisation.Id, version), round.Id, organisation.Id, version,
            round.QuestionnaireId, round.QuestionnaireVersion, round.Year, organisation.ToRef(), clock.GetUtcNow(),
            user.ClientId(), AnswerValidator.Given(answers), idempotencyKey, Relayed: false, Activity.Current?.Id), ct);
        signal.Notify();
        return (TypedResults.Ok(stored.ToReceipt()), stored);
    }
}
