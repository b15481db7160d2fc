using System.Net;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class ResponseSubmissionTests(SurveyService service)
{
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Fact]
    public async Task Partner_submits_a_valid_response_and_gets_version_1()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var stockholm = service.ClientWithToken(TestAuth.Partner("kommun:0180"));
        var before = DateTimeOffset.UtcNow;

        var response = await PutAsync(stockholm, roundId, "kommun:0180", ValidAnswers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await JsonAsync(response);
        Assert.Equal(roundId, (string?)receipt["roundId"]);
        Assert.Equal("kommun:0180", (string?)receipt["organisationId"]);
        Assert.Equal(1, (int?)receipt["version"]);
        Assert.InRange((DateTimeOffset)receipt["receivedAt"]!, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var stored = await JsonAsync(await stockholm.GetAsync(ResponsePath(roundId, "kommun:0180")));
        Assert.Equal(1, (int?)stored["version"]);
        Assert.Equal("test-partner-kommun-0180", (string?)stored["submittedBy"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ValidAnswers)!["answers"], stored["answers"]));
    }

    [Fact]
    public async Task Correction_gets_the_next_version()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var goteborg = service.ClientWithToken(TestAuth.Partner("kommun:1480"));
        await PutAsync(goteborg, roundId, "kommun:1480", ValidAnswers);

        var correction = await PutAsync(goteborg, roundId, "kommun:1480",
            """{"answers":{"DIGPLAN":false,"TRYGGLARM":"Nej","NPO":true}}""");

        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        Assert.Equal(2, (int?)(await JsonAsync(correction))["version"]);
        var latest = await JsonAsync(await goteborg.GetAsync(ResponsePath(roundId, "kommun:1480")));
        Assert.Equal(2, (int?)latest["version"]);
        Assert.Equal("Nej", (string?)latest["answers"]!["TRYGGLARM"]);
        Assert.Null(latest["answers"]!["PLANAR"]);
        var versions = JsonNode.Parse(await goteborg.GetStringAsync(ResponsePath(roundId, "kommun:1480") + "/versions"))!.AsArray();
        Assert.Equal(new[] { 1, 2 }, versions.Select(v => (int)v!["version"]!));
    }

    [Fact]
    public async Task Invalid_answers_get_422_naming_every_failing_question()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var tooLong = new string('x', 51);

        var response = await PutAsync(_kansli, roundId, "kommun:0580",
            """{"answers":{"DIGPLAN":"ja","TRYGGLARM":"Kanske","ANTAL":-5,"ANDEL":120,"KOMMENTAR":"TOO_LONG","OKAND":1}}""".Replace("TOO_LONG", tooLong));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(422, (int?)problem["status"]);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(new[] { "ANDEL", "ANTAL", "DIGPLAN", "KOMMENTAR", "NPO", "OKAND", "TRYGGLARM" }, errors.Select(e => e.Key).Order());
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace((string?)e.Value![0])));
        Assert.Contains("\"Kanske\" is not one of the options", (string?)errors["TRYGGLARM"]![0]);
        var codes = Codes(problem);
        Assert.Equal(new[] { "wrong_type" }, codes["DIGPLAN"]);
        Assert.Equal(new[] { "unknown_option" }, codes["TRYGGLARM"]);
        Assert.Equal(new[] { "out_of_range" }, codes["ANTAL"]);
        Assert.Equal(new[] { "out_of_range" }, codes["ANDEL"]);
        Assert.Equal(new[] { "too_long" }, codes["KOMMENTAR"]);
        Assert.Equal(new[] { "unknown_question" }, codes["OKAND"]);
        Assert.Equal(new[] { "required" }, codes["NPO"]);

        var stored = await _kansli.GetAsync(ResponsePath(roundId, "kommun:0580"));
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task Required_when_another_answer_makes_a_question_required()
    {
        var roundId = await OpenRoundAsync(_kansli);

        var withoutYear = await PutAsync(_kansli, roundId, "kommun:0380", """{"answers":{"DIGPLAN":true,"TRYGGLARM":"Nej","NPO":true}}""");
        var noPlan = await PutAsync(_kansli, roundId, "kommun:0380", """{"answers":{"DIGPLAN":false,"TRYGGLARM":"Nej","NPO":true}}""");
        var withYear = await PutAsync(_kansli, roundId, "kommun:0380", """{"answers":{"DIGPLAN":true,"PLANAR":2022,"TRYGGLARM":"Nej","NPO":true}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutYear.StatusCode);
        var problem = await JsonAsync(withoutYear);
        Assert.Equal(new[] { "PLANAR" }, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(new[] { "required_by" }, Codes(problem)["PLANAR"]);
        Assert.Contains("DIGPLAN is true", (string?)problem["errors"]!["PLANAR"]![0]);
        Assert.Equal(HttpStatusCode.OK, noPlan.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withYear.StatusCode);
        Assert.Equal(2, (int?)(await JsonAsync(withYear))["version"]);
    }

    [Fact]
    public async Task Partner_cannot_submit_for_another_municipality()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var stockholm = service.ClientWithToken(TestAuth.Partner("kommun:0180"));

        var put = await PutAsync(stockholm, roundId, "kommun:1480", ValidAnswers);
        var get = await stockholm.GetAsync(ResponsePath(roundId, "kommun:1480"));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("kommun:1480", (string?)(await JsonAsync(put))["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(roundId, "kommun:1480"))).StatusCode);
    }

    [Fact]
    public async Task Request_without_token_gets_401()
    {
        var roundId = await OpenRoundAsync(_kansli);

        var response = await PutAsync(service.CreateClient(), roundId, "kommun:0180", ValidAnswers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(roundId, "kommun:0180"))).StatusCode);
    }

    [Fact]
    public async Task Response_to_a_round_that_is_not_open_gets_409()
    {
        var questionnaireId = await DefineQuestionnaireAsync(_kansli, StandardQuestions());
        var roundId = await CreateRoundAsync(_kansli, questionnaireId);

        var planned = await PutAsync(_kansli, roundId, "kommun:0180", ValidAnswers);
        await ChangeRoundAsync(_kansli, roundId, "open");
        await ChangeRoundAsync(_kansli, roundId, "close");
        var closed = await PutAsync(_kansli, roundId, "kommun:0180", ValidAnswers);
        await ChangeRoundAsync(_kansli, roundId, "open");
        var reopened = await PutAsync(_kansli, roundId, "kommun:0180", ValidAnswers);

        Assert.Equal(HttpStatusCode.Conflict, planned.StatusCode);
        Assert.Contains("planned", (string?)(await JsonAsync(planned))["detail"]);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("closed", (string?)(await JsonAsync(closed))["detail"]);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(1, (int?)(await JsonAsync(reopened))["version"]);
    }

    [Fact]
    public async Task Organisation_outside_the_round_population_gets_422()
    {
        var roundId = await OpenRoundAsync(_kansli);

        var region = await PutAsync(_kansli, roundId, "region:01", ValidAnswers);
        var unknown = await PutAsync(_kansli, roundId, "kommun:9999", ValidAnswers);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, region.StatusCode);
        Assert.Contains("Region Stockholm", (string?)(await JsonAsync(region))["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details()
    {
        var roundId = await OpenRoundAsync(_kansli);

        var response = await PutAsync(_kansli, roundId, "kommun:0180", """{"answers":{"DIGPLAN":tru""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(400, (int?)problem["status"]);
        Assert.Contains("not valid JSON", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(roundId, "kommun:0180"))).StatusCode);
    }
}
