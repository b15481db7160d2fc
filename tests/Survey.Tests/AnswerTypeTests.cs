using System.Net;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class AnswerTypeTests(SurveyService service)
{
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Theory]
    [InlineData("yesno", "true", null)]
    [InlineData("yesno", "false", null)]
    [InlineData("yesno", "\"ja\"", "wrong_type")]
    [InlineData("yesno", "1", "wrong_type")]
    [InlineData("choice", "\"Delvis\"", null)]
    [InlineData("choice", "\"delvis\"", "unknown_option")]
    [InlineData("choice", "[\"Ja\"]", "wrong_type")]
    [InlineData("multichoice", "[\"A\",\"C\"]", null)]
    [InlineData("multichoice", "[]", null)]
    [InlineData("multichoice", "[\"A\",\"D\"]", "unknown_option")]
    [InlineData("multichoice", "[\"A\",\"A\"]", "wrong_type")]
    [InlineData("multichoice", "\"A\"", "wrong_type")]
    [InlineData("integer", "42", null)]
    [InlineData("integer", "0", null)]
    [InlineData("integer", "4.5", "wrong_type")]
    [InlineData("integer", "101", "out_of_range")]
    [InlineData("integer", "\"42\"", "wrong_type")]
    [InlineData("decimal", "2.75", null)]
    [InlineData("decimal", "10.01", "out_of_range")]
    [InlineData("decimal", "\"2,5\"", "wrong_type")]
    [InlineData("percent", "70.5", null)]
    [InlineData("percent", "100", null)]
    [InlineData("percent", "100.1", "out_of_range")]
    [InlineData("percent", "-1", "out_of_range")]
    [InlineData("percent", "\"70 %\"", "wrong_type")]
    [InlineData("text", "\"Ja, 2026\"", null)]
    [InlineData("text", "\"Elva tecken\"", "too_long")]
    [InlineData("text", "5", "wrong_type")]
    public async Task Each_question_type_accepts_its_values_and_names_what_it_rejects(string type, string answer, string? fault)
    {
        var roundId = await OpenRoundAsync(_kansli, [QuestionOf(type)]);

        var response = await PutAsync(_kansli, roundId, "kommun:2584", "{\"answers\":{\"Q\":" + answer + "}}");

        if (fault is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var stored = await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:2584")));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(answer), stored["answers"]!["Q"]), $"stored {stored["answers"]!["Q"]}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(new[] { fault }, Codes(await JsonAsync(response))["Q"]);
        }
    }

    [Fact]
    public async Task Null_means_not_answered()
    {
        var roundId = await OpenRoundAsync(_kansli, [QuestionOf("integer"), new JsonObject { ["code"] = "R", ["text"] = "Obligatorisk", ["type"] = "yesno", ["required"] = true }]);

        var optionalNull = await PutAsync(_kansli, roundId, "kommun:2584", """{"answers":{"Q":null,"R":true}}""");
        var requiredNull = await PutAsync(_kansli, roundId, "kommun:2584", """{"answers":{"Q":1,"R":null}}""");

        Assert.Equal(HttpStatusCode.OK, optionalNull.StatusCode);
        var stored = await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:2584")));
        Assert.False(stored["answers"]!.AsObject().ContainsKey("Q"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, requiredNull.StatusCode);
        Assert.Equal(new[] { "required" }, Codes(await JsonAsync(requiredNull))["R"]);
    }

    private static JsonObject QuestionOf(string type)
    {
        var question = new JsonObject { ["code"] = "Q", ["text"] = "Fråga av typen " + type, ["type"] = type, ["required"] = false };
        switch (type)
        {
            case "choice":
                question["options"] = new JsonArray("Ja", "Nej", "Delvis");
                break;
            case "multichoice":
                question["options"] = new JsonArray("A", "B", "C");
                break;
            case "integer":
                question["min"] = 0;
                question["max"] = 100;
                break;
            case "decimal":
                question["min"] = 0;
                question["max"] = 10;
                break;
            case "text":
                question["maxLength"] = 10;
                break;
        }

        return question;
    }
}
