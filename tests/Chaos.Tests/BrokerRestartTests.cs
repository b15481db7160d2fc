using Xunit.Abstractions;

namespace VisionEHalsa.Chaos.Tests;

[Collection(ChaosCollection.Name)]
public sealed class BrokerRestartTests(ChaosPlatform platform, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    /// <summary>The survey is also killed and started again while the broker is down: it must start without it and catch up.</summary>
    [Fact]
    public async Task Responses_accepted_while_the_broker_is_stopped_mid_burst_all_reach_the_report_once() =>
        await new FaultDrill(platform, output).RunAsync("RabbitMQ stopped 5 s, survey restarted meanwhile", async (_, _) =>
        {
            await Broker.StopAsync();
            try
            {
                await Task.Delay(Outage / 2);
                platform.Running.Kill("survey");
                platform.Start("survey");
                await Task.Delay(Outage / 2);
            }
            finally
            {
                await Broker.StartAsync();
            }

            // Ready means its store and the broker answer again: it started without the broker instead of crashing.
            await platform.Running.WaitUntilReadyAsync("survey");
        });
}
