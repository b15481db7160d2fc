using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VisionEHalsa.ServiceDefaults.Operations;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Operations.Tests;

public sealed class FailedMessageTests(DurableOperationsHost host) : IClassFixture<DurableOperationsHost>
{
    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_after_its_retries_and_is_listed()
    {
        var round = OperationsHost.NewRound();
        host.Closing.Break(round);
        using var client = host.Client(TestAuth.Operator());
        using var trace = new Activity("close round under test").SetIdFormat(ActivityIdFormat.W3C).Start();
        trace.ActivityTraceFlags = ActivityTraceFlags.Recorded;

        var messageId = await host.CloseRoundAsync(round);
        trace.Stop();
        var failure = await Eventually.ValueAsync(
            async () => (await client.GetFromJsonAsync<List<FailedMessageSummary>>("/api/v1/ops/failures"))!.SingleOrDefault(f => f.MessageId == messageId),
            TimeSpan.FromSeconds(60), "the failure was not listed");

        Assert.Equal(6, host.Closing.Attempts(round));
        Assert.Equal(host.Closing.Attempts(round), failure.Attempts);
        Assert.Equal(0, host.Closing.Consumed(round));
        Assert.Equal(FailureStatus.Failed, failure.Status);
        Assert.Equal("SurveyRoundClosed", failure.MessageType);
        Assert.Equal("urn:message:VisionEHalsa.Contracts:SurveyRoundClosed", failure.MessageUrn);
        Assert.Equal($"System.InvalidOperationException: Round {round} could not be closed", failure.Error);
        Assert.Equal(trace.TraceId.ToHexString(), failure.TraceId);
        Assert.Equal(host.Queue, failure.Queue);
        Assert.Equal("opstest", failure.Service);
        // The retries wait 100 ms + 0.5 + 1 + 2 + 5 s between the six attempts.
        Assert.InRange((failure.LastAttempt - failure.FirstAttempt).TotalSeconds, 8.0, 30.0);

        var inErrorQueue = await Eventually.ValueAsync(() => Broker.TakeAsync(host.Queue + "_error"), TimeSpan.FromSeconds(10), "nothing reached the error queue");
        Assert.Equal(Guid.ParseExact(messageId, "N"), Guid.Parse(inErrorQueue.BasicProperties.MessageId!));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(6, host.Closing.Attempts(round));
        Assert.Equal(0u, await Broker.ReadyAsync(host.Queue));

        var details = await client.GetFromJsonAsync<JsonElement>($"/api/v1/ops/failures/{failure.Id}");
        Assert.Contains("while the defect is on", details.GetProperty("errorText").GetString());
        Assert.Contains(round, details.GetProperty("body").GetString());
        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/v1/ops/failures?status=failed")).EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == failure.Id);
        Assert.False(listed.TryGetProperty("body", out _), "the listing carries message bodies");
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("platform_messages_failed_total{", StringComparison.Ordinal)
            && line.Contains("messageType=\"SurveyRoundClosed\"", StringComparison.Ordinal) && line.Contains("service=\"opstest\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_document_describes_the_operations_endpoints_with_their_faults()
    {
        using var client = host.Client(TestAuth.Operator());

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        var replay = paths.GetProperty("/api/v1/ops/failures/{id}/replay").GetProperty("post").GetProperty("responses");
        Assert.Equal(["200", "401", "403", "404", "409", "503"], replay.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.True(paths.GetProperty("/api/v1/ops/failures").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/ops/failures/{id}").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Replaying_an_unknown_failure_gets_404()
    {
        using var client = host.Client(TestAuth.Operator());

        var replay = await client.PostAsync($"/api/v1/ops/failures/{Guid.NewGuid():N}-00000000/replay", null);
        var get = await client.GetAsync($"/api/v1/ops/failures/{Guid.NewGuid():N}-00000000");

        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task A_partner_cannot_list_or_replay_failures()
    {
        using var partner = host.Client(TestAuth.Partner("kommun:0180"));
        using var kansli = host.Client(TestAuth.Kansli());

        var list = await partner.GetAsync("/api/v1/ops/failures");
        var replay = await partner.PostAsync($"/api/v1/ops/failures/{Guid.NewGuid():N}-00000000/replay", null);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        // Refused before any lookup: an unknown id gets 403, not 404.
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kansli.GetAsync("/api/v1/ops/failures")).StatusCode);
    }

    [Fact]
    public async Task A_status_other_than_failed_or_replayed_gets_400()
    {
        using var client = host.Client(TestAuth.Operator());

        var response = await client.GetAsync("/api/v1/ops/failures?status=lost");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("status", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
