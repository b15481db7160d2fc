using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Indicator.Tests.Service.FakeSurvey;
using static VisionEHalsa.Indicator.Tests.Service.IndicatorServiceFixture;

namespace VisionEHalsa.Indicator.Tests.Service;

[Collection(IndicatorServiceCollection.Name)]
public class DefiningIndicatorsTests(IndicatorServiceFixture fixture)
{
    [Fact]
    public async Task Defining_an_indicator_with_an_unknown_question_gets_422_with_its_position()
    {
        var questionnaire = NewId("q");
        fixture.Survey.Serve(questionnaire, Question("DIGPLAN", "yesno"), Question("ANTAL", "integer"));
        using var kansli = fixture.Factory.ClientWithToken(TestAuth.Kansli());

        var code = NewCode("OKAND");

        var response = await kansli.PostAsJsonAsync("/api/v1/indicators", Share(code, questionnaire, "DIGPLAN == true and NOSUCH > 0"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var numerator = Assert.Single(await ErrorsAsync(response, "numerator"));
        Assert.Equal("Line 1, column 21: unknown question code NOSUCH: the questionnaire has no such question", numerator);
        Assert.Null(await DefinitionAsync(kansli, code));
    }

    [Fact]
    public async Task A_syntax_error_gets_422_naming_line_and_column_for_each_field()
    {
        var questionnaire = NewId("q");
        fixture.Survey.Serve(questionnaire, Question("ANTAL", "integer"));
        using var kansli = fixture.Factory.ClientWithToken(TestAuth.Kansli());

        var response = await kansli.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = NewCode("MEDEL"),
            name = "Medelantal",
            questionnaireId = questionnaire,
            kind = "mean",
            numerator = "answered(ANTAL) and\n  ANTAL = 3",
            value = "antal",
            unit = "st",
            higherIsBetter = true,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("Line 2, column 9: '=' is not an operator", Assert.Single(await ErrorsAsync(response, "numerator")));
        Assert.StartsWith("Line 1, column 1: 'antal' is neither a keyword nor a question code", Assert.Single(await ErrorsAsync(response, "value")));
    }

    [Fact]
    public async Task Every_fault_of_a_definition_is_listed_in_one_answer()
    {
        var questionnaire = NewId("q");
        fixture.Survey.Serve(questionnaire, Question("DIGPLAN", "yesno"), Question("TRYGGLARM", "choice", "Ja, alla", "Nej"));
        using var kansli = fixture.Factory.ClientWithToken(TestAuth.Kansli());

        var response = await kansli.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = "digplan",
            questionnaireId = questionnaire,
            kind = "share",
            numerator = "DIGPLAN == 1 and TRYGGLARM == \"Ja\"",
            denominator = "answered(DIGPLAN",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Single(await ErrorsAsync(response, "code"));
        Assert.Single(await ErrorsAsync(response, "name"));
        Assert.Equal(["Line 1, column 17: unexpected end of input, expected `)`"], await ErrorsAsync(response, "denominator"));
        Assert.Equal(
            [
                "Line 1, column 12: DIGPLAN is a yes/no question: compare it with true or false, not 1",
                "Line 1, column 31: \"Ja\" is not an option of TRYGGLARM; its options are \"Ja, alla\", \"Nej\"",
            ],
            await ErrorsAsync(response, "numerator"));
    }

    [Fact]
    public async Task Defining_an_indicator_for_an_unknown_questionnaire_gets_422()
    {
        using var kansli = fixture.Factory.ClientWithToken(TestAuth.Kansli());

        var response = await kansli.PostAsJsonAsync("/api/v1/indicators", Share(NewCode("X"), NewId("missing"), "DIGPLAN == true"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("unknown questionnaire", Assert.Single(await ErrorsAsync(response, "questionnaireId")));
    }

    [Fact]
    public async Task Reposting_a_code_stores_a_new_version_and_an_identical_repost_does_not()
    {
        var questionnaire = NewId("q");
        var code = NewCode("TRYGG");
        fixture.Survey.Serve(questionnaire, Question("TRYGGLARM", "choice", "Ja, alla", "Ja, några", "Nej"), Question("ANTAL", "integer"));
        using var kansli = fixture.Factory.ClientWithToken(TestAuth.Kansli());

        var first = await kansli.PostAsJsonAsync("/api/v1/indicators", Share(code, questionnaire, "TRYGGLARM == \"Ja, alla\""));
        var second = await kansli.PostAsJsonAsync("/api/v1/indicators",
            Share(code, questionnaire, "TRYGGLARM in [\"Ja, alla\", \"Ja, några\"] and ANTAL > 0"));
        var again = await kansli.PostAsJsonAsync("/api/v1/indicators",
            Share(code, questionnaire, "TRYGGLARM in [\"Ja, alla\", \"Ja, några\"] and ANTAL > 0"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var latest = await DefinitionAsync(kansli, code);
        Assert.NotNull(latest);
        Assert.Equal(2, latest.Version);
        Assert.Equal(["ANTAL", "TRYGGLARM"], latest.Questions);
        var listed = await kansli.GetFromJsonAsync<List<IndicatorResponse>>("/api/v1/indicators");
        Assert.Equal(2, Assert.Single(listed!, d => d.Code == code).Version);
    }

    [Fact]
    public async Task Only_the_kansli_defines_indicators_and_everyone_signed_in_reads_them()
    {
        using var partner = fixture.Factory.ClientWithToken(TestAuth.Partner("kommun:0180"));
        using var anonymous = fixture.Factory.CreateClient();

        var posted = await partner.PostAsJsonAsync("/api/v1/indicators", Share(NewCode("P"), NewId("q"), "DIGPLAN == true"));
        var listed = await partner.GetAsync("/api/v1/indicators");
        var unsigned = await anonymous.GetAsync("/api/v1/indicators/values?year=2025");

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_indicator_endpoints()
    {
        using var client = fixture.Factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        var define = paths.GetProperty("/api/v1/indicators").GetProperty("post").GetProperty("responses");
        Assert.All(new[] { "201", "200", "401", "403", "422", "503" }, status => Assert.True(define.TryGetProperty(status, out _), status));
        Assert.True(paths.GetProperty("/api/v1/indicators/values").TryGetProperty("get", out _));
        var body = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("DefineIndicator");
        Assert.Equal(DefinitionRules.MaxCodeLength, body.GetProperty("properties").GetProperty("code").GetProperty("maxLength").GetInt32());
        Assert.Equal(["code", "kind", "name", "numerator", "questionnaireId"],
            body.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
    }

    public static object Share(string code, string questionnaireId, string numerator) => new
    {
        code,
        name = $"Andel {code}",
        questionnaireId,
        kind = "share",
        numerator,
        unit = "%",
        higherIsBetter = true,
    };

    private static async Task<string[]> ErrorsAsync(HttpResponseMessage response, string field)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static async Task<IndicatorResponse?> DefinitionAsync(HttpClient client, string code)
    {
        var response = await client.GetAsync($"/api/v1/indicators/{code}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<IndicatorResponse>();
    }
}
