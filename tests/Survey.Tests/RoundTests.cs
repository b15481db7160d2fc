using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class RoundTests(SurveyService service)
{
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Fact]
    public async Task Round_reports_completeness_per_lan()
    {
        var roundId = await OpenRoundAsync(_kansli);
        foreach (var kommun in new[] { "kommun:0180", "kommun:0114", "kommun:1480", "kommun:0180" })
        {
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(_kansli, roundId, kommun, ValidAnswers)).StatusCode);
        }

        var round = await JsonAsync(await service.ClientWithToken(TestAuth.Partner("kommun:0180")).GetAsync($"/api/v1/rounds/{roundId}"));

        Assert.Equal("open", (string?)round["status"]);
        var completeness = round["completeness"]!;
        Assert.Equal(290, (int?)completeness["expected"]);
        Assert.Equal(3, (int?)completeness["responded"]);
        var byLan = completeness["byLan"]!.AsArray();
        Assert.Equal(21, byLan.Count);
        Assert.Equal(290, byLan.Sum(l => (int)l!["expected"]!));
        var stockholmsLan = byLan.Single(l => (string?)l!["lanskod"] == "01")!;
        Assert.Equal("Stockholms län", (string?)stockholmsLan["lan"]);
        Assert.Equal(26, (int?)stockholmsLan["expected"]);
        Assert.Equal(2, (int?)stockholmsLan["responded"]);
        var vastraGotaland = byLan.Single(l => (string?)l!["lanskod"] == "14")!;
        Assert.Equal(49, (int?)vastraGotaland["expected"]);
        Assert.Equal(1, (int?)vastraGotaland["responded"]);
        Assert.Equal(0, (int?)byLan.Single(l => (string?)l!["lanskod"] == "25")!["responded"]);
    }

    [Fact]
    public async Task Region_round_expects_the_21_regions()
    {
        var questions = new JsonArray(new JsonObject { ["code"] = "NPO", ["text"] = "Används NPÖ?", ["type"] = "yesno", ["required"] = true });
        var roundId = await OpenRoundAsync(_kansli, questions, population: "region");
        await PutAsync(_kansli, roundId, "region:09", """{"answers":{"NPO":true}}""");

        var completeness = (await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{roundId}")))["completeness"]!;

        Assert.Equal(21, (int?)completeness["expected"]);
        Assert.Equal(1, (int?)completeness["responded"]);
        Assert.All(completeness["byLan"]!.AsArray(), l => Assert.Equal(1, (int?)l!["expected"]));
    }

    [Fact]
    public async Task Round_moves_from_planned_to_open_to_closed_and_can_be_reopened()
    {
        var questionnaireId = await DefineQuestionnaireAsync(_kansli, StandardQuestions());
        var roundId = await CreateRoundAsync(_kansli, questionnaireId);

        var planned = await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{roundId}"));
        var closeBeforeOpen = await _kansli.PostAsync($"/api/v1/rounds/{roundId}/close", null);
        var opened = await ChangeRoundAsync(_kansli, roundId, "open");
        var openTwice = await _kansli.PostAsync($"/api/v1/rounds/{roundId}/open", null);
        var closed = await ChangeRoundAsync(_kansli, roundId, "close");
        var reopened = await ChangeRoundAsync(_kansli, roundId, "open");

        Assert.Equal("planned", (string?)planned["status"]);
        Assert.Equal(1, (int?)planned["questionnaireVersion"]);
        Assert.Equal(HttpStatusCode.Conflict, closeBeforeOpen.StatusCode);
        Assert.Equal("open", (string?)opened["status"]);
        Assert.Equal(HttpStatusCode.Conflict, openTwice.StatusCode);
        Assert.Equal("closed", (string?)closed["status"]);
        Assert.Equal("open", (string?)reopened["status"]);
    }

    [Fact]
    public async Task Only_the_kansli_creates_and_opens_rounds()
    {
        var questionnaireId = await DefineQuestionnaireAsync(_kansli, StandardQuestions());
        var roundId = await CreateRoundAsync(_kansli, questionnaireId);
        var partner = service.ClientWithToken(TestAuth.Partner("kommun:0180"));

        var create = await partner.PostAsJsonAsync("/api/v1/rounds", new { id = Unique("omgang"), questionnaireId, year = 2025 });
        var open = await partner.PostAsync($"/api/v1/rounds/{roundId}/open", null);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        Assert.Equal("planned", (string?)(await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{roundId}")))["status"]);
    }

    [Fact]
    public async Task Round_with_unknown_questionnaire_or_year_gets_422()
    {
        var response = await _kansli.PostAsJsonAsync("/api/v1/rounds", new { id = "bad id", questionnaireId = Unique("saknas"), year = 1999 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await JsonAsync(response))["errors"]!.AsObject();
        Assert.Equal(new[] { "id", "questionnaireId", "year" }, errors.Select(e => e.Key).Order());
    }
}
