using VisionEHalsa.Indicator.Calculations;

namespace VisionEHalsa.Indicator.Definitions;

public abstract record DefineOutcome
{
    public sealed record Defined(IndicatorDefinition Definition, bool IsNewVersion) : DefineOutcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : DefineOutcome;

    public sealed record SurveyUnavailable(string Detail) : DefineOutcome;
}

/// <summary>Defining an indicator: check it, store it as a new version, recalculate the rounds it applies to.</summary>
public sealed class IndicatorDefinitions(
    DefinitionStore definitions,
    SurveyQuestionnaires survey,
    RoundStates rounds,
    RecalculationSignal recalculation,
    TimeProvider time)
{
    public async Task<DefineOutcome> DefineAsync(DefineIndicator request, string? authorization, string definedBy, CancellationToken ct)
    {
        var check = DefinitionRules.Check(request);
        if (check.Errors.ContainsKey("questionnaireId"))
        {
            return new DefineOutcome.Invalid(check.Errors);
        }

        QuestionnaireQuestions? questionnaire;
        try
        {
            questionnaire = await survey.FindAsync(check.QuestionnaireId, authorization, ct);
        }
        catch (SurveyUnavailableException e)
        {
            // Faults already found are worth more to the caller than "try again later".
            return check.Errors.Count > 0 ? new DefineOutcome.Invalid(check.Errors) : new DefineOutcome.SurveyUnavailable(e.Message);
        }

        var errors = questionnaire is null
            ? new Dictionary<string, string[]>(check.Errors, StringComparer.Ordinal) { ["questionnaireId"] = [$"unknown questionnaire {check.QuestionnaireId}"] }
            : check.ErrorsAgainst(questionnaire.Questions);

        if (errors.Count > 0 || check.Draft is not { } draft)
        {
            return new DefineOutcome.Invalid(errors);
        }

        var latest = await definitions.LatestAsync(draft.Code, ct);
        var candidate = draft.ToDefinition((latest?.Version ?? 0) + 1, time.GetUtcNow(), definedBy);
        if (latest is not null && latest.SaysTheSameAs(candidate))
        {
            // Seeding and retries post the same definition again: that is no new version and no recalculation.
            return new DefineOutcome.Defined(latest, IsNewVersion: false);
        }

        var stored = await definitions.AddVersionAsync(draft, candidate.DefinedAt, definedBy, ct);
        await rounds.MarkQuestionnaireDirtyAsync(stored.QuestionnaireId, ct);
        if (latest is not null && latest.QuestionnaireId != stored.QuestionnaireId)
        {
            await rounds.MarkQuestionnaireDirtyAsync(latest.QuestionnaireId, ct);
        }

        recalculation.Wake();
        return new DefineOutcome.Defined(stored, IsNewVersion: true);
    }
}
