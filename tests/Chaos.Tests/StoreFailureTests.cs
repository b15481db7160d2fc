using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace VisionEHalsa.Chaos.Tests;

[Collection(ChaosCollection.Name)]
public sealed class StoreFailureTests(ChaosPlatform platform, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [StoreLockFact]
    public async Task While_the_survey_cannot_write_its_store_it_answers_503_and_afterwards_recovers_by_itself()
    {
        var files = platform.StoreFilesOf("survey");
        Assert.NotEmpty(files);
        List<Submission>? plan = null;
        var drill = new FaultDrill(platform, output);
        await drill.RunAsync("survey store read-only 5 s", async (_, _) =>
        {
            await StoreLock.LockAsync(files);
            try
            {
                await Task.Delay(Outage);
            }
            finally
            {
                await StoreLock.UnlockAsync(files);
            }

            Assert.True(await RecoversAsync(), $"The survey did not store anything within {Recovery.TotalSeconds} s after its files became writable again.");
        }, onPlan: p => plan = p);

        // The fault must have been felt, and felt as a 503 the client repeats, never as a 500 (no 500 reaches a
        // client unnoticed: it would be a refusal the drill fails on).
        var retried = plan!.SelectMany(s => s.Retried).ToList();
        Assert.Contains(retried, r => r.StartsWith("503 ", StringComparison.Ordinal));
    }

    /// <summary>Recovered: the survey stores something again (a planned round of its own, past the gateway) within the time.</summary>
    private async Task<bool> RecoversAsync()
    {
        using var survey = await platform.KansliDirectAsync("survey", TimeSpan.FromSeconds(5));
        var since = Stopwatch.StartNew();
        while (since.Elapsed < Recovery)
        {
            try
            {
                var probe = new { id = "chaos-probe-" + Guid.NewGuid().ToString("N")[..10], questionnaireId = "vision-ehalsa-kommun", year = 2099 };
                if ((await survey.PostAsJsonAsync("/api/v1/rounds", probe)).StatusCode == HttpStatusCode.Created)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not answering within 5 s counts as not yet.
            }

            await Task.Delay(500);
        }

        return false;
    }
}

/// <summary>Skipped, with the reason, where the survey's files cannot be made immutable (MongoDB, no chattr, not root).</summary>
public sealed class StoreLockFactAttribute : FactAttribute
{
    public StoreLockFactAttribute()
    {
        if (StoreLock.Unavailable() is { } reason)
        {
            Skip = reason + ": the store failure was not tested.";
        }
    }
}
