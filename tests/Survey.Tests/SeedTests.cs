using System.Net;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class SeedTests(SurveyService service)
{
    /// <summary>The codes <c>./platform up</c> submits demo answers with.</summary>
    private static readonly string[] VisionEHalsaCodes =
    [
        "DIGPLAN", "PERSRES", "KVAL_LS", "SAKID", "SAKID_HSL", "NPO", "ETJ_EKB", "ETJ_BU", "AUTO_EKB", "MOBDOK_HT",
        "STRUKDOK", "TRYGG_ANTAL", "TRYGG_DIGITALA", "TRYGG_HELDIG", "NATT_KAM_AO", "NATT_KAM_FH", "TILLSYN_DAG_FH", "GPS_LARM",
    ];

    [Fact]
    public async Task Fresh_service_serves_the_Vision_e_halsa_questionnaire()
    {
        var partner = service.ClientWithToken(TestAuth.Partner("kommun:0180"));

        var response = await partner.GetAsync("/api/v1/questionnaires/vision-ehalsa-kommun");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var questionnaire = await JsonAsync(response);
        Assert.Equal(1, (int?)questionnaire["version"]);
        Assert.Equal("kommun", (string?)questionnaire["population"]);
        Assert.Equal("seed", (string?)questionnaire["definedBy"]);
        var questions = questionnaire["questions"]!.AsArray();
        Assert.Equal(VisionEHalsaCodes, questions.Select(q => (string)q!["code"]!));
        var sections = questionnaire["sections"]!.AsArray().Select(s => (string)s!["id"]!).ToHashSet();
        Assert.True(sections.Count >= 2, $"sections: {string.Join(", ", sections)}");
        Assert.All(questions, q => Assert.Contains((string)q!["section"]!, sections));
        Assert.Contains(questions, q => ((string?)q!["help"])?.Contains("NPÖ") == true);
    }

    [Fact]
    public async Task Seeded_questionnaire_takes_the_answers_platform_up_submits()
    {
        var kansli = service.ClientWithToken(TestAuth.Kansli());
        var roundId = await CreateRoundAsync(kansli, "vision-ehalsa-kommun");
        await ChangeRoundAsync(kansli, roundId, "open");
        var answers = new JsonObject(VisionEHalsaCodes.Select(c => KeyValuePair.Create(c, (JsonNode?)true)))
        {
            ["TRYGG_ANTAL"] = 412,
            ["TRYGG_DIGITALA"] = 380,
            ["TRYGG_HELDIG"] = "Både digitala och analoga",
        };

        var response = await PutAsync(kansli, roundId, "kommun:0180", new JsonObject { ["answers"] = answers }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int?)(await JsonAsync(response))["version"]);
    }

    [Fact]
    public async Task Seeding_can_be_switched_off()
    {
        using var unseeded = new SurveyService();
        unseeded.Settings["Survey:SeedQuestionnaire"] = "false";

        var response = await unseeded.ClientWithToken(TestAuth.Kansli()).GetAsync("/api/v1/questionnaires/vision-ehalsa-kommun");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
