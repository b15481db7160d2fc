using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Definitions;

/// <summary>
/// Stores the indicator catalogue embedded under <c>Definitions/Seed</c> as version 1 of every code that is
/// missing, so a fresh platform calculates the key indicators of Vision e-hälsa at once. The catalogue is
/// trusted but still checked, against the embedded copy of its questionnaire rather than the survey service
/// (which may not be up yet): a seeded expression that does not check stops the start-up.
/// </summary>
public sealed class CatalogueSeed(
    DefinitionStore definitions,
    RoundStates rounds,
    RecalculationSignal recalculation,
    IOptions<IndicatorOptions> options,
    TimeProvider time,
    ILogger<CatalogueSeed> logger) : IHostedService
{
    public const string SeededBy = "seed";
    public const string CatalogueName = "indicators.json";

    private const string ResourcePrefix = "Definitions.Seed.";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedCatalogue)
        {
            return;
        }

        var catalogue = LoadChecked();
        var seeded = new SortedSet<string>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var draft in catalogue)
        {
            if (await definitions.LatestAsync(draft.Code, cancellationToken) is null &&
                await definitions.TryAddFirstVersionAsync(draft.ToDefinition(1, now, SeededBy), cancellationToken))
            {
                seeded.Add(draft.QuestionnaireId);
                logger.LogInformation("Seeded indicator {Indicator} of questionnaire {Questionnaire}", draft.Code, draft.QuestionnaireId);
            }
        }

        foreach (var questionnaireId in seeded)
        {
            await rounds.MarkQuestionnaireDirtyAsync(questionnaireId, cancellationToken);
        }

        if (seeded.Count > 0)
        {
            recalculation.Wake();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The embedded catalogue, each definition checked against its embedded questionnaire.</summary>
    public static IReadOnlyList<DefinitionDraft> LoadChecked() => Check(ReadCatalogue(), ReadQuestionnaires());

    public static IReadOnlyList<DefineIndicator> ReadCatalogue()
    {
        using var stream = Resource(CatalogueName);
        return JsonSerializer.Deserialize<List<DefineIndicator>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The seeded indicator catalogue is empty.");
    }

    /// <summary>Every embedded questionnaire by its id, as the language sees its questions.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, QuestionSchema>> ReadQuestionnaires()
    {
        var questionnaires = new Dictionary<string, IReadOnlyDictionary<string, QuestionSchema>>(StringComparer.Ordinal);
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            if (name == ResourcePrefix + CatalogueName)
            {
                continue;
            }

            using var json = JsonDocument.Parse(assembly.GetManifestResourceStream(name)!);
            var id = json.RootElement.TryGetProperty("id", out var value) ? value.GetString() : null;
            questionnaires[id ?? throw new InvalidOperationException($"The embedded questionnaire {name} has no id.")] =
                QuestionnaireJson.ReadQuestions(json.RootElement) ?? throw new InvalidOperationException($"The embedded questionnaire {name} has no questions.");
        }

        return questionnaires;
    }

    /// <summary>Checks every definition as the API would; throws, listing every fault, when any does not check.</summary>
    public static IReadOnlyList<DefinitionDraft> Check(
        IReadOnlyList<DefineIndicator> catalogue, IReadOnlyDictionary<string, IReadOnlyDictionary<string, QuestionSchema>> questionnaires)
    {
        var drafts = new List<DefinitionDraft>();
        var faults = new List<string>();
        foreach (var request in catalogue)
        {
            var check = DefinitionRules.Check(request);
            var errors = questionnaires.TryGetValue(check.QuestionnaireId, out var questions)
                ? check.ErrorsAgainst(questions)
                : new Dictionary<string, string[]>(check.Errors) { ["questionnaireId"] = [$"no embedded questionnaire {check.QuestionnaireId}"] };
            if (drafts.Any(d => d.Code == request.Code))
            {
                errors["code"] = [$"{request.Code} is in the catalogue twice"];
            }

            if (errors.Count > 0 || check.Draft is null)
            {
                faults.Add($"{request.Code}: " + string.Join(" ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
                continue;
            }

            drafts.Add(check.Draft);
        }

        return faults.Count == 0
            ? drafts
            : throw new InvalidOperationException($"The seeded indicator catalogue does not check against its questionnaire. {string.Join(" | ", faults)}");
    }

    private static Stream Resource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"The embedded resource {ResourcePrefix}{name} is missing.");
}
