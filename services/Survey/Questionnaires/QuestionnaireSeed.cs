using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace VisionEHalsa.Survey.Questionnaires;

/// <summary>
/// Stores the questionnaires embedded under <c>Questionnaires/Seed</c> as their version 1 when they are
/// missing, so a fresh platform can open a round of Vision e-hälsa at once. Never touches a stored version.
/// </summary>
public sealed class QuestionnaireSeed(
    QuestionnaireStore store, IOptions<SurveyOptions> options, TimeProvider clock, ILogger<QuestionnaireSeed> logger) : IHostedService
{
    public const string VisionEHalsaKommun = "vision-ehalsa-kommun";
    public const string SeededBy = "seed";

    private const string ResourcePrefix = "Questionnaires.Seed.";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedQuestionnaire)
        {
            return;
        }

        foreach (var definition in LoadEmbedded())
        {
            var questionnaire = new Questionnaire(definition.Id, 1, definition.Title, definition.Population,
                definition.Questions, clock.GetUtcNow(), SeededBy, definition.Sections);
            if (await store.TryAddFirstVersionAsync(questionnaire, cancellationToken))
            {
                logger.LogInformation("Seeded questionnaire {Questionnaire} with {Questions} questions", definition.Id, definition.Questions.Count);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The embedded definitions, each checked by the same rules as one the kansli posts.</summary>
    public static IReadOnlyList<DefineQuestionnaire> LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var definitions = new List<DefineQuestionnaire>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var definition = JsonSerializer.Deserialize<DefineQuestionnaire>(stream, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"The seed questionnaire {name} is empty.");
            var faults = QuestionnaireRules.Validate(definition);
            if (faults.Count > 0)
            {
                var list = string.Join("; ", faults.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"));
                throw new InvalidOperationException($"The seed questionnaire {name} is not valid: {list}");
            }

            definitions.Add(definition);
        }

        return definitions;
    }
}
