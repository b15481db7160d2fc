using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Series;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Indicator.Tests.Service.IndicatorServiceFixture;

namespace VisionEHalsa.Indicator.Tests.Service;

[Collection(IndicatorServiceCollection.Name)]
public class SeriesTests(IndicatorServiceFixture fixture)
{
    private const string Questionnaire = "vision-ehalsa-kommun";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_series_has_the_platform_value_of_each_year_and_published_values_of_other_years()
    {
        // KVAL_LS is seeded; its published national values are 2018 (about 30), 2021 (58) and 2022 (65).
        var round = NewId("round-2021");
        var now = DateTimeOffset.UtcNow;
        await fixture.Bus.Publish(new SurveyRoundOpened(round, Questionnaire, 1, 2021, "kommun", 290, now));
        await fixture.Bus.Publish(Response(round, Kommun("0305", "Håbo", "03", "Uppsala län", "B3"), now, """{"KVAL_LS": true}"""));
        await fixture.Bus.Publish(Response(round, Kommun("0180", "Stockholm", "01", "Stockholms län", "A1"), now, """{"KVAL_LS": false}"""));
        using var partner = fixture.Factory.ClientWithToken(TestAuth.Partner("kommun:0180"));

        await Eventually.TrueAsync(async () => (await SeriesAsync(partner, "KVAL_LS")).Any(p => p is { Year: 2021, Source: SeriesPoint.Platform, Respondents: 2 }),
            Patience, "the 2021 round never showed in the series");

        var series = await SeriesAsync(partner, "KVAL_LS");
        Assert.Equal([(2018, "reference"), (2021, "platform"), (2022, "reference")], series.Select(p => (p.Year, p.Source)));
        Assert.Equal((50.0, 1.0, 2.0, 2, "low_coverage", (string?)null), (series[1].Value, series[1].Numerator, series[1].Denominator, series[1].Respondents, series[1].Note, series[1].SourceUrl));
        Assert.Equal((65.0, (double?)null, 288), (series[2].Value, series[2].Numerator, series[2].Respondents));
        Assert.StartsWith("https://5dok.org/", series[2].SourceUrl);
        var lan = await SeriesAsync(partner, "KVAL_LS", "&level=lan&area=03");
        Assert.Equal([(2021, 100.0, "platform")], lan.Select(p => (p.Year, p.Value ?? -1, p.Source)));
    }

    [Fact]
    public async Task A_series_of_an_indicator_split_by_verksamhet_shows_the_area_asked_for()
    {
        using var partner = fixture.Factory.ClientWithToken(TestAuth.Partner("kommun:0180"));

        var national = await SeriesAsync(partner, "NATT_KAM");
        var elderly = await SeriesAsync(partner, "NATT_KAM", "&level=riket&area=Äldreomsorg");

        Assert.DoesNotContain(national, p => p.Source == SeriesPoint.Reference);
        Assert.Equal([(2021, 76.0), (2022, 78.0)], elderly.Select(p => (p.Year, p.Value ?? -1)));
        Assert.All(elderly, p => Assert.Equal(SeriesPoint.Reference, p.Source));
    }

    [Fact]
    public async Task An_unknown_indicator_is_404_and_a_level_below_riket_needs_an_area_or_gets_422()
    {
        using var kansli = fixture.Factory.ClientWithToken(TestAuth.Kansli());
        using var anonymous = fixture.Factory.CreateClient();

        var unknown = await kansli.GetAsync($"/api/v1/indicators/{NewCode("OKAND")}/series");
        var noArea = await kansli.GetAsync("/api/v1/indicators/DIGPLAN/series?level=lan");
        var badLevel = await kansli.GetAsync("/api/v1/indicators/DIGPLAN/series?level=kommun&area=0180");
        var unsigned = await anonymous.GetAsync("/api/v1/indicators/DIGPLAN/series");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Unauthorized),
            (unknown.StatusCode, noArea.StatusCode, badLevel.StatusCode, unsigned.StatusCode));
        using var problem = JsonDocument.Parse(await noArea.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("area", out _));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_series_and_the_new_value_fields()
    {
        using var client = fixture.Factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var series = document.RootElement.GetProperty("paths").GetProperty("/api/v1/indicators/{code}/series").GetProperty("get").GetProperty("responses");
        Assert.All(new[] { "200", "401", "404", "422" }, status => Assert.True(series.TryGetProperty(status, out _), status));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.All(new[] { "expected", "coverage", "quality" }, field =>
            Assert.True(schemas.GetProperty("IndicatorValueRow").GetProperty("properties").TryGetProperty(field, out _), field));
        Assert.True(schemas.GetProperty("DefineIndicator").GetProperty("properties").TryGetProperty("denominatorValue", out _));
    }

    private static async Task<List<SeriesPoint>> SeriesAsync(HttpClient client, string code, string query = "") =>
        await client.GetFromJsonAsync<List<SeriesPoint>>($"/api/v1/indicators/{code}/series?{query.TrimStart('&')}") ?? [];

    private static ResponseSubmitted Response(string round, OrganisationRef organisation, DateTimeOffset receivedAt, string answers) =>
        new(round, Questionnaire, 2021, organisation, 1, receivedAt, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(answers)!);
}
