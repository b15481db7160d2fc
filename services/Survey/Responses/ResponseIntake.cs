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

/// <summary>
/// Accepts responses: checks who, where and what, then stores each as the next version and wakes the relay.
/// A PUT and every row of an import go through <see cref="Admit"/> and <see cref="AcceptAsync"/>.
/// </summary>
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

        var admission = Admit(round, organisationId, user);
        if (admission is not Admission.Admitted admitted)
        {
            return ((Admission.Refused)admission).ToProblem();
        }

        var faults = new Dictionary<string, string[]>();
        if (body.Answers is null)
        {
            faults["answers"] = ["Give the answers as an object: {\"answers\": {\"CODE\": value}}."];
        }

        if (ParseStatus(body.Status) is not { } status)
        {
            faults["status"] = ["Give the status \"submitted\" (the default) or \"draft\"."];
            status = ResponseStatus.Submitted;
        }

        if (idempotencyKey is not null && !IdempotencyStore.IsValidKey(idempotencyKey))
        {
            faults["Idempotency-Key"] = [$"Use 1 to {IdempotencyStore.MaxKeyLength} visible ASCII characters, e.g. a UUID."];
        }

        if (faults.Count > 0 || body.Answers is not { } answers)
        {
            return SurveyProblems.Validation(faults, "The response was not stored.");
        }

        string? claim = null;
        // Answers with unreadable text have no canonical hash; they are refused below without touching the key.
        if (idempotencyKey is not null && AnswerValidator.AllReadable(answers))
        {
            switch (await idempotency.ClaimAsync(roundId, organisationId, idempotencyKey, IdempotencyStore.BodyHash(answers, status), ct))
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

        Intake outcome;
        try
        {
            var questionnaire = await PinnedQuestionnaireAsync(round, ct);
            outcome = await AcceptAsync(round, questionnaire, admitted.Organisation, answers, status, idempotencyKey, user, store: true, ct);
            if (claim is not null)
            {
                await (outcome is Intake.Stored stored
                    ? idempotency.CompleteAsync(claim, stored.Response.Version, ct)
                    : idempotency.ReleaseAsync(claim, ct));
            }
        }
        catch when (claim is not null)
        {
            // The store failed (the client gets 503 and repeats the request) or the client went away: whether or not
            // the response was stored, the next request with this key finds out at once instead of waiting for the claim to age.
            idempotency.Abandon(claim);
            throw;
        }

        return outcome switch
        {
            Intake.Stored stored => TypedResults.Ok(stored.Response.ToReceipt()),
            Intake.Refused refused => refused.Refusal.ToProblem(),
            Intake.Invalid invalid => InvalidAnswers(invalid.Problems),
            _ => throw new InvalidOperationException($"A stored PUT cannot end as {outcome.GetType().Name}."),
        };
    }

    /// <summary>Whether <paramref name="user"/> may answer for the organisation and the organisation belongs to the round's population.</summary>
    public Admission Admit(Round round, string organisationId, ClaimsPrincipal user)
    {
        if (!user.MayActFor(organisationId))
        {
            return new Admission.Refused(StatusCodes.Status403Forbidden,
                $"This client may submit responses only for its own organisation, not for {organisationId}.");
        }

        if (organisations.Find(organisationId) is not { } organisation)
        {
            return new Admission.Refused(StatusCodes.Status404NotFound,
                $"There is no organisation '{organisationId}'. Ids look like kommun:0180 or region:01.");
        }

        return organisation.Type == round.Population
            ? new Admission.Admitted(organisation)
            : new Admission.Refused(StatusCodes.Status422UnprocessableEntity,
                $"{organisation.Name} ({organisationId}) is not in the population of round {round.Id}, which asks every {round.Population}.");
    }

    public async Task<Questionnaire> PinnedQuestionnaireAsync(Round round, CancellationToken ct) =>
        await questionnaires.GetAsync(round.QuestionnaireId, round.QuestionnaireVersion, ct)
        ?? throw new InvalidOperationException($"Round {round.Id} pins questionnaire {round.QuestionnaireId} version {round.QuestionnaireVersion}, which is missing.");

    /// <summary>
    /// Checks the answers against the round's questionnaire version and, when <paramref name="store"/>, stores them as
    /// the next version. An import wakes the relay once after its last row (<paramref name="wakeRelay"/> false) rather than per row.
    /// </summary>
    public async Task<Intake> AcceptAsync(
        Round round, Questionnaire questionnaire, Organisation organisation, IReadOnlyDictionary<string, JsonElement> answers,
        ResponseStatus status, string? idempotencyKey, ClaimsPrincipal user, bool store, CancellationToken ct, bool wakeRelay = true)
    {
        if (round.Status != RoundStatus.Open)
        {
            return new Intake.Refused(new Admission.Refused(StatusCodes.Status409Conflict, NotOpen(round)));
        }

        var problems = AnswerValidator.Validate(questionnaire, answers, status);
        if (problems.Count > 0)
        {
            return new Intake.Invalid(problems);
        }

        if (!store)
        {
            return new Intake.Acceptable();
        }

        var draft = status == ResponseStatus.Draft;
        var stored = await responses.AppendAsync(round.Id, organisation.Id, version => new ResponseVersion(
            ResponseVersion.DocumentId(round.Id, organisation.Id, version), round.Id, organisation.Id, version,
            round.QuestionnaireId, round.QuestionnaireVersion, round.Year, organisation.ToRef(), clock.GetUtcNow(),
            user.ClientId(), AnswerValidator.Given(answers), idempotencyKey, Relayed: draft, Activity.Current?.Id, status), ct);
        if (!draft && wakeRelay)
        {
            WakeRelay();
        }

        return new Intake.Stored(stored);
    }

    public void WakeRelay() => signal.Notify();

    public static string NotOpen(Round round)
    {
        var status = round.Status == RoundStatus.Planned ? "planned and not open yet" : "closed";
        return $"Round {round.Id} is {status}; responses are accepted only while a round is open.";
    }

    public static ResponseStatus? ParseStatus(string? status) => status switch
    {
        null or "submitted" => ResponseStatus.Submitted,
        "draft" => ResponseStatus.Draft,
        _ => null,
    };

    private static ProblemHttpResult InvalidAnswers(Dictionary<string, List<AnswerProblem>> problems)
    {
        var errors = problems.ToDictionary(p => p.Key, p => p.Value.Select(v => v.Message).ToArray());
        var codes = problems.ToDictionary(p => p.Key, p => p.Value.Select(v => v.Fault).Distinct().ToArray());
        var detail = $"Nothing was stored: {problems.Count} {(problems.Count == 1 ? "question needs" : "questions need")} correcting. Correct every question listed and submit again.";
        return SurveyProblems.Validation(errors, detail, new Dictionary<string, object?> { ["codes"] = codes });
    }
}
