using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace VisionEHalsa.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class SpineTests(RunningPlatform platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Responses_of_all_290_kommuner_reach_a_new_report_edition_with_the_right_values()
    {
        var kansli = await platform.ClientForAsync("kansli");
        var scenario = new Scenario(kansli, 2025);
        await scenario.CreateAsync();
        var kommuner = await scenario.KommunerAsync();
        Assert.Equal(290, kommuner.Count);

        await Parallel.ForEachAsync(Enumerable.Range(0, kommuner.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var response = await Scenario.SubmitAsync(kansli, scenario.RoundId, kommuner[i].Id, Scenario.AnswersFor(i));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        });
        var sinceLastAccepted = Stopwatch.StartNew();

        var (rows, freshness) = await scenario.WaitForReportAsync(
            r => Scenario.Row(r, scenario.IndicatorCode, "riket", "SE") is { } riket && Scenario.Number(riket, "denominator") == 290 &&
                 Scenario.Row(r, scenario.AlarmIndicatorCode, "riket", "SE") is { } alarm && Scenario.Number(alarm, "denominator") == 290,
            sinceLastAccepted, TimeSpan.FromSeconds(90));
        output.WriteLine($"freshness: {freshness.TotalMilliseconds:F0} ms from the 290th accepted response to a downloadable edition that includes it");

        var national = Scenario.Row(rows, scenario.IndicatorCode, "riket", "SE")!;
        Assert.Equal(203, Scenario.Number(national, "numerator"));
        Assert.Equal(290, Scenario.Number(national, "denominator"));
        Assert.Equal(70.0, Scenario.Number(national, "value"), 1);

        var alarms = Scenario.Row(rows, scenario.AlarmIndicatorCode, "riket", "SE")!;
        var withAlarm = Enumerable.Range(0, 290).Count(Scenario.HasAlarm);
        Assert.Equal(withAlarm, Scenario.Number(alarms, "numerator"));
        Assert.Equal(Math.Round(100.0 * withAlarm / 290, 1), Scenario.Number(alarms, "value"), 1);

        AssertArea(rows, scenario, kommuner, "lan", "01", k => k.Lanskod == "01");
        AssertArea(rows, scenario, kommuner, "kommungrupp", "B3", k => k.Kommungrupp == "B3");

        var pdf = await kansli.GetAsync($"/api/v1/reports/{scenario.Year}/latest.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await Pdf.TextAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(scenario.IndicatorName, text);
        Assert.Contains("70,0 %", text);
    }

    private static void AssertArea(
        IReadOnlyList<Dictionary<string, string>> rows, Scenario scenario, IReadOnlyList<Organisation> kommuner,
        string level, string area, Func<Organisation, bool> inArea)
    {
        var members = kommuner.Select((k, i) => (k, i)).Where(p => inArea(p.k)).ToList();
        var withPlan = members.Count(p => p.i % 10 < 7);
        var row = Scenario.Row(rows, scenario.IndicatorCode, level, area);
        Assert.True(row is not null, $"no {level} row for {area}");
        Assert.Equal(members.Count, Scenario.Number(row, "denominator"));
        Assert.Equal(withPlan, Scenario.Number(row, "numerator"));
        Assert.Equal(Math.Round(100.0 * withPlan / members.Count, 1), Scenario.Number(row, "value"), 1);
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_and_invalid_answers_get_422_naming_each_question()
    {
        var kansli = await platform.ClientForAsync("kansli");
        var scenario = new Scenario(kansli, 2023);
        await scenario.CreateAsync();

        var anonymous = await Scenario.SubmitAsync(platform.AnonymousClient(), scenario.RoundId, "kommun:0180", Scenario.AnswersFor(0));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var invalid = await Scenario.SubmitAsync(kansli, scenario.RoundId, "kommun:0180", new Dictionary<string, object>
        {
            ["DIGPLAN"] = "kanske",
            ["TRYGGLARM"] = "Ibland",
            ["ANTAL"] = -3,
            ["OKAND"] = 1,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var code in new[] { "DIGPLAN", "TRYGGLARM", "ANTAL", "OKAND" })
        {
            Assert.True(errors.TryGetProperty(code, out _), $"422 does not name {code}: {errors}");
        }

        var stored = await kansli.GetAsync($"/api/v1/rounds/{scenario.RoundId}/responses/kommun:0180");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task A_partner_submits_for_its_own_kommun_and_is_refused_for_another()
    {
        var kansli = await platform.ClientForAsync("kansli");
        var scenario = new Scenario(kansli, 2022);
        await scenario.CreateAsync();
        var stockholm = await platform.ClientForAsync("stockholm");

        var own = await Scenario.SubmitAsync(stockholm, scenario.RoundId, "kommun:0180", Scenario.AnswersFor(1));
        var other = await Scenario.SubmitAsync(stockholm, scenario.RoundId, "kommun:1480", Scenario.AnswersFor(1));
        var correction = await Scenario.SubmitAsync(stockholm, scenario.RoundId, "kommun:0180", Scenario.AnswersFor(2));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var receipt = await correction.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, receipt.GetProperty("version").GetInt32());
        Assert.Equal("kommun:0180", receipt.GetProperty("organisationId").GetString());
    }
}
