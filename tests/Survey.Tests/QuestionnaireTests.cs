using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class QuestionnaireTests(SurveyService service)
{
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Fact]
    public async Task Questionnaire_with_faults_gets_422_naming_each_fault()
    {
        var response = await _kansli.PostAsJsonAsync("/api/v1/questionnaires", new JsonObject
        {
            ["id"] = Unique("enkat"),
            ["title"] = "Trasig enkät",
            ["population"] = "landsting",
            ["questions"] = new JsonArray(
                new JsonObject { ["code"] = "DIGPLAN", ["text"] = "Plan?", ["type"] = "yesno", ["required"] = true },
                new JsonObject { ["code"] = "DIGPLAN", ["text"] = "Igen?", ["type"] = "yesno", ["required"] = false },
                new JsonObject { ["code"] = "fel kod", ["text"] = "Kod?", ["type"] = "yesno", ["required"] = false },
                new JsonObject { ["code"] = "VAL", ["text"] = "Val?", ["type"] = "choice", ["required"] = false },
                new JsonObject { ["code"] = "ANTAL", ["text"] = "Antal?", ["type"] = "integer", ["required"] = false, ["min"] = 10, ["max"] = 5 },
                new JsonObject { ["code"] = "NAR", ["text"] = "När?", ["type"] = "integer", ["required"] = false,
                    ["requiredWhen"] = new JsonObject { ["question"] = "FINNS_INTE", ["equals"] = true } },
                new JsonObject { ["code"] = "TYP", ["text"] = "Typ?", ["type"] = "date", ["required"] = false }),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await JsonAsync(response))["errors"]!.AsObject();
        Assert.Equal(
            new[] { "population", "questions[1].code", "questions[2].code", "questions[3].options", "questions[4].min", "questions[5].requiredWhen.question", "questions[6].type" },
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Posting_a_questionnaire_again_stores_the_next_version_and_rounds_keep_theirs()
    {
        var id = await DefineQuestionnaireAsync(_kansli, StandardQuestions());
        var firstRound = await CreateRoundAsync(_kansli, id);
        var extended = StandardQuestions();
        extended.Add(new JsonObject { ["code"] = "NYFRAGA", ["text"] = "Ny fråga", ["type"] = "yesno", ["required"] = false });
        await DefineQuestionnaireAsync(_kansli, extended, id: id);
        var secondRound = await CreateRoundAsync(_kansli, id);
        await ChangeRoundAsync(_kansli, firstRound, "open");
        await ChangeRoundAsync(_kansli, secondRound, "open");
        var answers = ValidAnswers.Replace("\"ANDEL\":12.5", "\"ANDEL\":12.5,\"NYFRAGA\":true");

        var latest = await JsonAsync(await service.ClientWithToken(TestAuth.Partner("kommun:0180")).GetAsync($"/api/v1/questionnaires/{id}"));
        var toFirst = await PutAsync(_kansli, firstRound, "kommun:0180", answers);
        var toSecond = await PutAsync(_kansli, secondRound, "kommun:0180", answers);

        Assert.Equal(2, (int?)latest["version"]);
        Assert.Equal(8, latest["questions"]!.AsArray().Count);
        Assert.Equal(1, (int?)(await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{firstRound}")))["questionnaireVersion"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toFirst.StatusCode);
        Assert.Equal(new[] { "unknown_question" }, Codes(await JsonAsync(toFirst))["NYFRAGA"]);
        Assert.Equal(HttpStatusCode.OK, toSecond.StatusCode);
    }

    [Fact]
    public async Task Partner_cannot_define_a_questionnaire()
    {
        var partner = service.ClientWithToken(TestAuth.Partner("kommun:0180"));

        var response = await partner.PostAsJsonAsync("/api/v1/questionnaires", new JsonObject
        {
            ["id"] = Unique("enkat"),
            ["title"] = "Egen enkät",
            ["population"] = "kommun",
            ["questions"] = StandardQuestions(),
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
