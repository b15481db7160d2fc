using System.Diagnostics;
using Xunit.Abstractions;

namespace VisionEHalsa.Chaos.Tests;

[Collection(ChaosCollection.Name)]
public sealed class ReorderedDeliveryTests(ChaosPlatform platform, ITestOutputHelper output)
{
    private const int Kommuner = 30;

    /// <summary>
    /// Two corrections, X's and then Y's, are held back from the indicator (it is down and its queue loses them, as when a
    /// competing consumer that had them dies or keeps retrying); Y's is delivered and reaches the edition, then X's
    /// arrives late. The edition must then show X's correction too: same number of responses, same latest receipt time,
    /// other answers.
    /// </summary>
    [StoreLockFreeFact]
    public async Task A_correction_delivered_after_a_later_correction_of_another_kommun_still_reaches_the_edition()
    {
        await Task.WhenAll(ChaosPlatform.Processes.Select(p => platform.Running.WaitUntilReadyAsync(p, TimeSpan.FromSeconds(60))));
        var began = DateTimeOffset.UtcNow;
        using var kansli = await platform.KansliAsync(TimeSpan.FromSeconds(35));
        var round = new ChaosRound(kansli, platform.NextYear());
        await round.CreateAsync();
        var kommuner = (await round.KommunerAsync()).Take(Kommuner).ToList();
        var first = kommuner.Select((k, i) => new Submission(i, k, Answers(plan: i % 2 == 0, alarms: i), valid: true)).ToList();
        await new SubmissionStream(kansli, round.RoundId, first).RunAsync();
        await ConvergedAsync(kansli, round, first, "the first versions");

        var outage = Stopwatch.StartNew();
        platform.Running.Kill("indicator");
        var x = new Submission(Kommuner, kommuner[0], Answers(plan: false, alarms: 0), valid: true);
        var y = new Submission(Kommuner + 1, kommuner[1], Answers(plan: true, alarms: 7), valid: true);
        foreach (var correction in new[] { x, y })
        {
            await new SubmissionStream(kansli, round.RoundId, [correction]) { Senders = 1 }.RunAsync();
            Assert.True(correction.Accepted, correction.Refusal);
        }

        var relayed = new SettlementFindings();
        await new Settlement(platform, kansli, round, first).CheckOutboxesAsync(relayed, "survey");
        Assert.Empty(relayed.StuckMessages);
        await Broker.PurgeAsync(platform.QueuePrefix("indicator") + "-recalculate-on-response-submitted");

        await RepublishAsync(round, y.OrganisationId, "indicator");
        await ConvergedAsync(kansli, round, [.. first, y], "Y's correction");

        await RepublishAsync(round, x.OrganisationId);
        outage.Stop();
        var sinceFaultEnded = Stopwatch.StartNew();
        List<Submission> all = [.. first, x, y];
        var findings = await new Settlement(platform, kansli, round, all) { ConvergenceTimeout = TimeSpan.FromSeconds(30) }
            .CheckAsync(sinceFaultEnded, began);
        FaultReport.Write(output, FaultReport.Line("late correction (reordered)", all, findings, outage.Elapsed), findings);

        Assert.True(findings.Lost.Count == 0, "Requests without an outcome: " + string.Join("; ", findings.Lost));
        Assert.True(findings.StoredWrong.Count == 0, "Stored otherwise than the receipts say: " + string.Join("; ", findings.StoredWrong));
        Assert.True(findings.StuckMessages.Count == 0, "Events stuck in an outbox: " + string.Join("; ", findings.StuckMessages));
        Assert.True(findings.Failures.Count == 0, "Failed messages: " + string.Join("; ", findings.Failures));
        Assert.True(findings.Converged is not null, "The late correction never reached the edition: " + findings.LastPublished);
    }

    /// <summary>The survey stopped, the organisation's versions marked unrelayed, the survey (and any other process named) started again.</summary>
    private async Task RepublishAsync(ChaosRound round, string organisationId, params string[] alsoStart)
    {
        platform.Running.Kill("survey");
        await Outbox.MarkUnrelayedAsync(Path.Combine(platform.Running.DataDirectory, "data", "survey"), round.RoundId, organisationId);
        foreach (var name in alsoStart.Prepend("survey"))
        {
            platform.Start(name);
        }

        await Task.WhenAll(alsoStart.Prepend("survey").Select(name => platform.Running.WaitUntilReadyAsync(name)));
    }

    private async Task ConvergedAsync(HttpClient kansli, ChaosRound round, List<Submission> submissions, string what)
    {
        var findings = new SettlementFindings();
        await new Settlement(platform, kansli, round, submissions).ConvergeAsync(findings, Stopwatch.StartNew());
        Assert.True(findings.Converged is not null, $"The edition never showed {what}: {findings.LastPublished}");
    }

    private static Dictionary<string, object> Answers(bool plan, int alarms) => new()
    {
        ["DIGPLAN"] = plan,
        ["TRYGGLARM"] = alarms > 0 ? "Ja, alla" : "Nej",
        ["ANTAL"] = alarms,
    };
}
