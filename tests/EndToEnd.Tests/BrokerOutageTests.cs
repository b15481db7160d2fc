using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace VisionEHalsa.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class BrokerOutageTests(RunningPlatform platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Responses_accepted_while_the_broker_is_stopped_are_all_counted_once_in_the_report()
    {
        var kansli = await platform.ClientForAsync("kansli");
        var scenario = new Scenario(kansli, 2024);
        await scenario.CreateAsync();
        var kommuner = await scenario.KommunerAsync();
        var accepted = 0;

        async Task SubmitRange(int from, int to) =>
            await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                var response = await Scenario.SubmitAsync(kansli, scenario.RoundId, kommuner[i].Id, Scenario.AnswersFor(i));
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                Interlocked.Increment(ref accepted);
            });

        await SubmitRange(0, 100);
        await Broker.StopAsync();
        try
        {
            await SubmitRange(100, 200);
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            await Broker.StartAsync();
        }

        await SubmitRange(200, 290);
        Assert.Equal(290, accepted);
        var since = Stopwatch.StartNew();

        var (rows, converged) = await scenario.WaitForReportAsync(
            r => Scenario.Row(r, scenario.IndicatorCode, "riket", "SE") is { } riket && Scenario.Number(riket, "denominator") == 290,
            since, TimeSpan.FromSeconds(120));
        output.WriteLine($"report converged {converged.TotalSeconds:F1} s after the broker came back");

        var national = Scenario.Row(rows, scenario.IndicatorCode, "riket", "SE")!;
        Assert.Equal(203, Scenario.Number(national, "numerator"));
        Assert.Equal(290, Scenario.Number(national, "denominator"));
    }
}
