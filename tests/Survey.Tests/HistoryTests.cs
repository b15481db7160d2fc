using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class HistoryTests(SurveyService service)
{
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Fact]
    public async Task Versions_show_who_sent_each_and_what_changed()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var umea = service.ClientWithToken(TestAuth.Partner("kommun:2480"));
        await PutAsync(umea, roundId, "kommun:2480", ValidAnswers);
        await PutAsync(_kansli, roundId, "kommun:2480",
            """{"answers":{"DIGPLAN":true,"PLANAR":2023,"TRYGGLARM":"Ja, några","NPO":false,"ANTAL":1300,"KOMMENTAR":"Rättat av kansliet"}}""");

        var versions = JsonNode.Parse(await umea.GetStringAsync(ResponsePath(roundId, "kommun:2480") + "/versions"))!.AsArray();

        Assert.Equal(new[] { 1, 2 }, versions.Select(v => (int)v!["version"]!));
        Assert.Equal("test-partner-kommun-2480", (string?)versions[0]!["submittedBy"]);
        Assert.Equal("test-kansli", (string?)versions[1]!["submittedBy"]);
        Assert.True((DateTimeOffset)versions[1]!["receivedAt"]! >= (DateTimeOffset)versions[0]!["receivedAt"]!);
        var first = versions[0]!["changes"]!.AsObject();
        Assert.Equal(new[] { "ANDEL", "ANTAL", "DIGPLAN", "NPO", "PLANAR", "TRYGGLARM" }, first.Select(c => c.Key).Order());
        Assert.All(first, c => Assert.Null(c.Value!["from"]));
        var changes = versions[1]!["changes"]!.AsObject();
        Assert.Equal(new[] { "ANDEL", "ANTAL", "KOMMENTAR", "TRYGGLARM" }, changes.Select(c => c.Key).Order());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"from":"Ja, alla","to":"Ja, några"}"""), changes["TRYGGLARM"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"from":1200,"to":1300}"""), changes["ANTAL"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"from":12.5,"to":null}"""), changes["ANDEL"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"from":null,"to":"Rättat av kansliet"}"""), changes["KOMMENTAR"]));
    }

    [Fact]
    public async Task Correction_keeps_the_earlier_version_readable()
    {
        var roundId = await OpenRoundAsync(_kansli);
        await PutAsync(_kansli, roundId, "kommun:1980", ValidAnswers);
        await PutAsync(_kansli, roundId, "kommun:1980", ValidAnswers.Replace("1200", "1250"));

        var first = await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:1980") + "/versions/1"));
        var latest = await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:1980")));
        var third = await _kansli.GetAsync(ResponsePath(roundId, "kommun:1980") + "/versions/3");

        Assert.Equal((1, 1200), ((int)first["version"]!, (int)first["answers"]!["ANTAL"]!));
        Assert.Equal((2, 1250), ((int)latest["version"]!, (int)latest["answers"]!["ANTAL"]!));
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
    }

    [Fact]
    public async Task Editing_a_questionnaire_in_use_by_an_open_round_makes_a_new_version_and_leaves_the_round_alone()
    {
        var questionnaireId = await DefineQuestionnaireAsync(_kansli, StandardQuestions());
        var roundId = await CreateRoundAsync(_kansli, questionnaireId);
        await ChangeRoundAsync(_kansli, roundId, "open");
        var edited = StandardQuestions();
        edited[2]!["options"] = new JsonArray("Ja", "Nej");

        var edit = await _kansli.PostAsJsonAsync("/api/v1/questionnaires", new JsonObject
        {
            ["id"] = questionnaireId, ["title"] = "Ändrad enkät", ["population"] = "kommun", ["questions"] = edited,
        });
        var round = await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{roundId}"));
        var pinned = await JsonAsync(await _kansli.GetAsync($"/api/v1/questionnaires/{questionnaireId}/versions/{(int)round["questionnaireVersion"]!}"));
        var oldOption = await PutAsync(_kansli, roundId, "kommun:0882", ValidAnswers);

        Assert.Equal(HttpStatusCode.Created, edit.StatusCode);
        Assert.Equal(2, (int?)(await JsonAsync(edit))["version"]);
        Assert.Equal(1, (int?)round["questionnaireVersion"]);
        Assert.Equal(3, pinned["questions"]![2]!["options"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, oldOption.StatusCode);
    }

    [Fact]
    public async Task Questionnaire_sections_must_exist_and_help_is_kept()
    {
        var questions = StandardQuestions();
        questions[0]!["section"] = "styrning";
        questions[0]!["help"] = "Räkna med beslutade planer.";
        questions[1]!["section"] = "saknas";

        var faulty = await _kansli.PostAsJsonAsync("/api/v1/questionnaires", new JsonObject
        {
            ["id"] = Unique("enkat"), ["title"] = "Enkät med avsnitt", ["population"] = "kommun", ["questions"] = questions.DeepClone(),
            ["sections"] = new JsonArray(new JsonObject { ["id"] = "styrning", ["title"] = "Styrning" }, new JsonObject { ["id"] = "styrning", ["title"] = "Igen" }),
        });
        questions[1]!.AsObject().Remove("section");
        var fine = await _kansli.PostAsJsonAsync("/api/v1/questionnaires", new JsonObject
        {
            ["id"] = Unique("enkat"), ["title"] = "Enkät med avsnitt", ["population"] = "kommun", ["questions"] = questions,
            ["sections"] = new JsonArray(new JsonObject { ["id"] = "styrning", ["title"] = "Styrning" }),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, faulty.StatusCode);
        Assert.Equal(new[] { "questions[1].section", "sections[1].id" }, (await JsonAsync(faulty))["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
        var stored = await JsonAsync(fine);
        Assert.Equal("Räkna med beslutade planer.", (string?)stored["questions"]![0]!["help"]);
        Assert.Equal("Styrning", (string?)stored["sections"]![0]!["title"]);
        Assert.Null(stored["questions"]![1]!["section"]);
    }
}
