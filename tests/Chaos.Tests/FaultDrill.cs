using System.Diagnostics;
using Xunit.Abstractions;

namespace VisionEHalsa.Chaos.Tests;

/// <summary>
/// One fault under load: a fresh round in a year of its own, the stream of PUTs through the gateway, the fault once a
/// given share of the stream is done, then the checks once the stream has finished, the report line and the assertions.
/// </summary>
public sealed class FaultDrill(ChaosPlatform platform, ITestOutputHelper output)
{
    /// <param name="fault">The fault's name in the report.</param>
    /// <param name="inject">Causes the fault and returns once it is over (process ready again, broker back, files writable).</param>
    /// <param name="strikeAt">The share of the stream done when the fault strikes.</param>
    /// <param name="onPlan">Sees the submissions, whose outcomes are known once this returns.</param>
    public async Task<SettlementFindings> RunAsync(
        string fault, Func<ChaosRound, SubmissionStream, Task> inject, double strikeAt = 0.25, Action<List<Submission>>? onPlan = null)
    {
        await Task.WhenAll(ChaosPlatform.Processes.Select(p => platform.Running.WaitUntilReadyAsync(p, TimeSpan.FromSeconds(60))));
        var began = DateTimeOffset.UtcNow;
        using var kansli = await platform.KansliAsync(TimeSpan.FromSeconds(35));
        var round = new ChaosRound(kansli, platform.NextYear());
        await round.CreateAsync();
        var plan = ChaosRound.Plan(await round.KommunerAsync(), seed: round.Year);
        onPlan?.Invoke(plan);
        var stream = new SubmissionStream(kansli, round.RoundId, plan);

        var running = stream.RunAsync();
        await stream.ReachAsync((int)(plan.Count * strikeAt));
        var outage = Stopwatch.StartNew();
        await inject(round, stream);
        outage.Stop();
        var sinceFaultEnded = Stopwatch.StartNew();
        await running;

        var findings = await new Settlement(platform, kansli, round, plan).CheckAsync(sinceFaultEnded, began);
        FaultReport.Write(output, FaultReport.Line(fault, plan, findings, outage.Elapsed), findings);

        Assert.True(findings.Lost.Count == 0, "Requests without an outcome: " + string.Join("; ", findings.Lost.Take(10)));
        Assert.True(findings.StoredWrong.Count == 0, "Stored otherwise than the receipts say: " + string.Join("; ", findings.StoredWrong.Take(10)));
        Assert.True(findings.NotActionable.Count == 0, "Refusals a client cannot act on: " + string.Join("; ", findings.NotActionable.Take(10)));
        Assert.True(findings.Converged is not null, $"The {round.Year} edition did not converge: {findings.LastPublished}");
        Assert.True(findings.StuckMessages.Count == 0, "Events stuck in an outbox: " + string.Join("; ", findings.StuckMessages));
        Assert.True(findings.Failures.Count == 0, "Failed messages: " + string.Join("; ", findings.Failures.Take(10)));
        return findings;
    }
}
