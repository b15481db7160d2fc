using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Indicator.Tests.Service.FakeSurvey;
using static VisionEHalsa.Indicator.Tests.Service.IndicatorServiceFixture;

namespace VisionEHalsa.Indicator.Tests.Service;

[Collection(IndicatorServiceCollection.Name)]
public class DefiningKindsTests(IndicatorServiceFixture fixture)
{
    [Fact]
    public async Task An_alarm_weighted_ratio_is_defined_and_calculated_from_its_sums()
    {
        var (questionnaire, round, code) = (NewId("q"), NewId("round"), NewCode("TRYGG_DIG"));
        fixture.Survey.Serve(questionnaire, Question("TRYGG_ANTAL", "integer"), Question("TRYGG_DIGITALA", "integer"));
        using var kansli = fixture.Factory.ClientWithToken(TestAuth.Kansli());

        var response = await kansli.PostAsJsonAsync("/api/v1/indicators", new
        {
            code,
            name = "Andel digitala trygghetslarm",
            questionnaireId = questionnaire,
            kind = "ratio",
            numerator = "answered(TRYGG_ANTAL)",
            value = "TRYGG_DIGITALA",
            denominatorValue = "TRYGG_ANTAL",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var defined = await response.Content.ReadFromJsonAsync<IndicatorResponse>();
        Assert.Equal(("ratio", "TRYGG_ANTAL", "%"), (defined!.Kind, defined.DenominatorValue, defined.Unit));
        Assert.Equal(["TRYGG_ANTAL", "TRYGG_DIGITALA"], defined.Questions);

        var now = DateTimeOffset.UtcNow;
        await fixture.Bus.Publish(Response(round, questionnaire, "0180", now, """{"TRYGG_ANTAL": 900, "TRYGG_DIGITALA": 880}"""));
        await fixture.Bus.Publish(Response(round, questionnaire, "0181", now, """{"TRYGG_ANTAL": 100, "TRYGG_DIGITALA": 20}"""));
        await Eventually.TrueAsync(async () => (await ValuesAsync(kansli, code, IndicatorLevels.Riket)) is [{ Respondents: 2 }],
            TimeSpan.FromSeconds(60), "the ratio was never calculated");

        var riket = Assert.Single(await ValuesAsync(kansli, code, IndicatorLevels.Riket));
        Assert.Equal((90.0, 900.0, 1000.0), (riket.Value, riket.Numerator, riket.Denominator));
    }

    [Fact]
    public async Task Each_field_a_kind_needs_or_refuses_is_named_with_its_fault()
    {
        var questionnaire = NewId("q");
        fixture.Survey.Serve(questionnaire, Question("ANTAL", "integer"), Question("DIGPLAN", "yesno"));
        using var kansli = fixture.Factory.ClientWithToken(TestAuth.Kansli());

        var ratio = await kansli.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = NewCode("KVOT"), name = "Kvot", questionnaireId = questionnaire, kind = "ratio", numerator = "answered(ANTAL)", value = "ANTAL",
        });
        var share = await kansli.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = NewCode("ANDEL"), name = "Andel", questionnaireId = questionnaire, kind = "share", numerator = "DIGPLAN == true", denominatorValue = "ANTAL",
        });
        var median = await kansli.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = NewCode("MEDIAN"), name = "Median", questionnaireId = questionnaire, kind = "median", numerator = "answered(ANTAL)",
            value = "ANTAL * DIGPLAN",
        });
        var kind = await kansli.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = NewCode("TYP"), name = "Typ", questionnaireId = questionnaire, kind = "count", numerator = "answered(ANTAL)",
        });

        Assert.Equal(["denominatorValue is required for a ratio: a numeric expression, e.g. ANTAL"], await ErrorsAsync(ratio, "denominatorValue"));
        Assert.Equal(["denominatorValue applies to ratio only"], await ErrorsAsync(share, "denominatorValue"));
        Assert.Equal(["Line 1, column 9: DIGPLAN is a yes/no question; arithmetic needs an integer, decimal or percent question"], await ErrorsAsync(median, "value"));
        Assert.Equal(["kind must be share, mean, median, sum or ratio"], await ErrorsAsync(kind, "kind"));
    }

    private static ResponseSubmitted Response(string round, string questionnaire, string kommun, DateTimeOffset receivedAt, string answers) =>
        new(round, questionnaire, 2025, Kommun(kommun, $"Kommun {kommun}", "01", "Stockholms län", "A1"), 1, receivedAt,
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(answers)!);

    private static async Task<string[]> ErrorsAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];
    }
}
