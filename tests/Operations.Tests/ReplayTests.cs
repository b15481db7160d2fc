using System.Net;
using System.Net.Http.Json;
using VisionEHalsa.ServiceDefaults.Operations;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Operations.Tests;

public sealed class ReplayTests(DurableOperationsHost host) : IClassFixture<DurableOperationsHost>
{
    [Fact]
    public async Task After_a_fix_a_replayed_message_is_consumed_exactly_once()
    {
        var round = OperationsHost.NewRound();
        var failure = await host.FailAsync(round);
        host.Closing.Fix(round);
        using var client = host.Client(TestAuth.Operator("replaying-operator"));

        var concurrent = await Task.WhenAll(ReplayAsync(client, failure.Id), ReplayAsync(client, failure.Id));
        var again = await ReplayAsync(client, failure.Id);

        await Eventually.ValueAsync(() => Task.FromResult(host.Closing.Consumed(round) > 0 ? "consumed" : null), TimeSpan.FromSeconds(30), "the replay was not consumed");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, host.Closing.Consumed(round));
        Assert.Equal(7, host.Closing.Attempts(round));
        var answers = concurrent.Append(again).ToList();
        Assert.All(answers, a => Assert.Equal(FailureStatus.Replayed, a.Status));
        Assert.Single(answers.Select(a => a.ReplayedAt).Distinct());
        var stored = await client.GetFromJsonAsync<FailedMessageDetails>($"/api/v1/ops/failures/{failure.Id}");
        Assert.Equal(FailureStatus.Replayed, stored!.Status);
        Assert.Equal("replaying-operator", stored.ReplayedBy);
        Assert.Equal(answers[0].ReplayedAt, stored.ReplayedAt);
        var stillFailed = await client.GetFromJsonAsync<List<FailedMessageSummary>>("/api/v1/ops/failures?status=failed");
        Assert.DoesNotContain(stillFailed!, f => f.Id == failure.Id);
    }

    [Fact]
    public async Task A_replay_that_fails_again_is_a_new_failure_pointing_at_the_first()
    {
        var round = OperationsHost.NewRound();
        var failure = await host.FailAsync(round);
        using var client = host.Client(TestAuth.Operator());

        Assert.Equal(FailureStatus.Replayed, (await ReplayAsync(client, failure.Id)).Status);

        var second = await Eventually.ValueAsync(
            async () => (await client.GetFromJsonAsync<List<FailedMessageSummary>>("/api/v1/ops/failures?status=failed"))!.SingleOrDefault(f => f.ReplayOf == failure.Id),
            TimeSpan.FromSeconds(60), "the replay's failure was not listed");
        Assert.NotEqual(failure.Id, second.Id);
        Assert.Equal(12, host.Closing.Attempts(round));
        Assert.Equal(0, host.Closing.Consumed(round));
    }

    private static async Task<FailedMessageSummary> ReplayAsync(HttpClient client, string id)
    {
        var response = await client.PostAsync($"/api/v1/ops/failures/{id}/replay", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FailedMessageSummary>())!;
    }
}
