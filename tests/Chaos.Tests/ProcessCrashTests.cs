using Xunit.Abstractions;

namespace VisionEHalsa.Chaos.Tests;

[Collection(ChaosCollection.Name)]
public sealed class ProcessCrashTests(ChaosPlatform platform, ITestOutputHelper output)
{
    [Theory]
    [InlineData("survey")]
    [InlineData("indicator")]
    [InlineData("strategy")]
    [InlineData("reporting")]
    [InlineData("gateway")]
    public async Task A_process_killed_mid_burst_and_restarted_loses_no_accepted_response_and_the_report_converges(string process) =>
        await new FaultDrill(platform, output).RunAsync($"SIGKILL {process}", async (_, _) => await platform.KillAndRestartAsync(process));
}
