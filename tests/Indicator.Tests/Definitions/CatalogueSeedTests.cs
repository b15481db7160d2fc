using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Indicator.Tests.Definitions;

public class CatalogueSeedTests
{
    [Fact]
    public void Every_seeded_indicator_checks_against_the_embedded_questionnaire()
    {
        var catalogue = CatalogueSeed.ReadCatalogue();

        var drafts = CatalogueSeed.LoadChecked();

        Assert.Equal(catalogue.Select(c => c.Code), drafts.Select(d => d.Code));
        Assert.All(drafts, d => Assert.Equal("vision-ehalsa-kommun", d.QuestionnaireId));
        Assert.Contains(drafts, d => d.Code == "DIGPLAN" && d.Kind == IndicatorKinds.Share);
        var questions = CatalogueSeed.ReadQuestionnaires()["vision-ehalsa-kommun"];
        Assert.All(drafts.SelectMany(d => d.Expressions.Questions), code => Assert.True(questions.ContainsKey(code), code));
    }

    [Fact]
    public void A_seeded_expression_that_does_not_check_stops_the_start_naming_code_field_and_position()
    {
        var questionnaires = CatalogueSeed.ReadQuestionnaires();
        DefineIndicator[] catalogue =
        [
            new("DIGPLAN", "Digitaliseringsplan", "vision-ehalsa-kommun", "share", "DIGPLAN == true"),
            new("FEL", "Felaktig", "vision-ehalsa-kommun", "share", "DIGPLAN == 1"),
            new("OKAND", "Okänd enkät", "ingen-sadan-enkat", "share", "DIGPLAN == true"),
        ];

        var error = Assert.Throws<InvalidOperationException>(() => CatalogueSeed.Check(catalogue, questionnaires));

        Assert.Contains("FEL: numerator: Line 1, column 12: DIGPLAN is a yes/no question", error.Message);
        Assert.Contains("OKAND: questionnaireId: no embedded questionnaire ingen-sadan-enkat", error.Message);
        Assert.DoesNotContain("DIGPLAN:", error.Message);
    }

    [Fact]
    public async Task Seeding_stores_version_1_of_each_missing_code_once_and_keeps_a_newer_version()
    {
        using var store = new LiteDbDocumentStore(Path.Combine(TestEnvironment.NewDataDirectory("indicator-seed"), "indicator.db"));
        var definitions = new DefinitionStore(store);
        var kept = DefinitionRules.Check(new DefineIndicator("NPO", "Egen NPÖ", "vision-ehalsa-kommun", "share", "NPO == false")).Draft!;
        await definitions.AddVersionAsync(kept, DateTimeOffset.UnixEpoch, "kansli", CancellationToken.None);

        await Seed(store, seedCatalogue: true).StartAsync(CancellationToken.None);
        await Seed(store, seedCatalogue: true).StartAsync(CancellationToken.None);

        var stored = await definitions.LatestOfEveryCodeAsync(CancellationToken.None);
        Assert.Equal(CatalogueSeed.ReadCatalogue().Select(c => c.Code).Order(StringComparer.Ordinal), stored.Select(d => d.Code));
        Assert.All(stored, d => Assert.Equal(1, d.Version));
        Assert.Equal(("NPO == false", "kansli"), (stored.Single(d => d.Code == "NPO").Numerator, stored.Single(d => d.Code == "NPO").DefinedBy));
        Assert.Equal((CatalogueSeed.SeededBy, "DIGPLAN == true"), (stored.Single(d => d.Code == "DIGPLAN").DefinedBy, stored.Single(d => d.Code == "DIGPLAN").Numerator));
    }

    [Fact]
    public async Task Nothing_is_seeded_when_the_setting_is_off()
    {
        using var store = new LiteDbDocumentStore(Path.Combine(TestEnvironment.NewDataDirectory("indicator-noseed"), "indicator.db"));

        await Seed(store, seedCatalogue: false).StartAsync(CancellationToken.None);

        Assert.Empty(await new DefinitionStore(store).LatestOfEveryCodeAsync(CancellationToken.None));
    }

    private static CatalogueSeed Seed(IDocumentStore store, bool seedCatalogue) => new(
        new DefinitionStore(store), new RoundStates(store), new RecalculationSignal(),
        Options.Create(new IndicatorOptions { SeedCatalogue = seedCatalogue }), TimeProvider.System, NullLogger<CatalogueSeed>.Instance);
}
