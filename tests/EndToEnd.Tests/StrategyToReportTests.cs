using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace VisionEHalsa.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class StrategyToReportTests(RunningPlatform platform)
{
    [Fact]
    public async Task Changing_a_target_through_the_gateway_gives_a_new_edition_that_shows_it()
    {
        var kansli = await platform.ClientForAsync("kansli");
        var scenario = new Scenario(kansli, 2020);
        await scenario.CreateAsync();
        var kommuner = await scenario.KommunerAsync();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Scenario.SubmitAsync(kansli, scenario.RoundId, kommuner[i].Id, Scenario.AnswersFor(i))).StatusCode);
        }

        await scenario.WaitForReportAsync(
            r => Scenario.Row(r, scenario.IndicatorCode, "riket", "SE") is { } riket && Scenario.Number(riket, "denominator") == 10,
            Stopwatch.StartNew(), TimeSpan.FromSeconds(60));
        var before = await LatestEditionAsync(kansli, scenario.Year);

        // The strategy learns the indicator's code from its calculation, so the target can name it once the values exist.
        HttpResponseMessage put = null!;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            put = await kansli.PutAsJsonAsync($"/api/v1/strategy/periods/2020-2022/targets/{scenario.IndicatorCode}",
                new { indicator = scenario.IndicatorCode, goal = "4", targetValue = 85.0, targetYear = 2022 });
            if (put.StatusCode != HttpStatusCode.UnprocessableEntity)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var (rows, _) = await scenario.WaitForReportAsync(
            r => Scenario.Row(r, scenario.IndicatorCode, "riket", "SE") is { } riket && riket["target"] == "85",
            Stopwatch.StartNew(), TimeSpan.FromSeconds(60));

        Assert.Equal("85", Scenario.Row(rows, scenario.IndicatorCode, "riket", "SE")!["target"]);
        Assert.True(await LatestEditionAsync(kansli, scenario.Year) > before, "the target change gave no new edition");
    }

    private static async Task<int> LatestEditionAsync(HttpClient client, int year) =>
        (await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/reports/{year}/latest")).GetProperty("edition").GetInt32();
}
