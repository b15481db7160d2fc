using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionEHalsa.EndToEnd.Tests.Telemetry;

[Collection(PlatformCollection.Name)]
public sealed class TraceTests(RunningPlatform platform)
{
    [Fact]
    public async Task One_submission_is_one_trace_from_the_gateway_to_the_report_edition_that_includes_it()
    {
        var kansli = await platform.ClientForAsync("kansli");
        var scenario = new Scenario(kansli, 2021);
        await scenario.CreateAsync();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/rounds/{scenario.RoundId}/responses/kommun:0180")
        {
            Content = JsonContent.Create(new { answers = Scenario.AnswersFor(0) }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.OK, (await kansli.SendAsync(request)).StatusCode);
        await scenario.WaitForReportAsync(
            r => Scenario.Row(r, scenario.IndicatorCode, "riket", "SE") is { } riket && Scenario.Number(riket, "denominator") == 1,
            Stopwatch.StartNew(), TimeSpan.FromSeconds(60));

        IReadOnlyList<ReceivedSpan> trace = [];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            trace = Reachable(platform.Telemetry.Spans.ToList(), traceId);
            if (trace.Any(s => s.Service == "reporting" && s.Attributes.ContainsKey("platform.edition")))
            {
                break;
            }

            await Task.Delay(250);
        }

        var services = trace.Select(s => s.Service).Distinct().Order().ToList();
        Assert.True(
            new[] { "gateway", "indicator", "reporting", "survey" }.All(services.Contains),
            $"the trace reaches only: {string.Join(", ", services)}; spans: {string.Join("; ", trace.Select(s => $"{s.Service}:{s.Name}"))}");
        Assert.True(
            trace.Any(s => s.Service == "survey" && s.Attributes.GetValueOrDefault("platform.round") == scenario.RoundId
                           && s.Attributes.GetValueOrDefault("platform.organisation") == "kommun:0180"),
            "no survey span names the round and organisation: " + string.Join("; ", trace.Where(s => s.Service == "survey")
                .Select(s => $"{s.Name} [{string.Join(", ", s.Attributes.Select(a => a.Key + "=" + a.Value))}]")));
        Assert.Contains(trace, s => s.Service == "indicator" && s.Attributes.ContainsKey("platform.calculation"));
        Assert.Contains(trace, s => s.Service == "reporting" && s.Attributes.ContainsKey("platform.edition"));
        Assert.DoesNotContain(trace, s => s.Attributes.Values.Any(v => v is "Ja, alla" or "Ja, några"));

        // The operator's pipeline view leads to the same trace, the calculation and the edition.
        var operations = await platform.ClientForAsync("operator");
        var response = await operations.GetFromJsonAsync<JsonElement>($"/api/v1/pipeline/responses/{scenario.RoundId}/kommun:0180");
        Assert.Equal(traceId, response.GetProperty("traceId").GetString());
        Assert.Equal(1, response.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Object, response.GetProperty("calculation").ValueKind);
        Assert.Equal(JsonValueKind.Object, response.GetProperty("edition").ValueKind);
        var round = await operations.GetFromJsonAsync<JsonElement>($"/api/v1/pipeline/rounds/{scenario.RoundId}");
        foreach (var step in new[] { "lastResponse", "lastRecalculation", "lastEdition" })
        {
            Assert.True(round.GetProperty(step).TryGetProperty("traceId", out _), $"{step} has no trace id: {round}");
        }

        var partner = await platform.ClientForAsync("stockholm");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/v1/pipeline/rounds/{scenario.RoundId}")).StatusCode);
    }

    /// <summary>The spans of a trace, plus every span that links to them (a coalesced recalculation, a regeneration) and their traces, transitively.</summary>
    private static IReadOnlyList<ReceivedSpan> Reachable(IReadOnlyList<ReceivedSpan> spans, string traceId)
    {
        var traces = new HashSet<string> { traceId };
        bool grew;
        do
        {
            var linked = spans.Where(s => !traces.Contains(s.TraceId) && s.Links.Any(l => traces.Contains(l.TraceId))).Select(s => s.TraceId).ToList();
            grew = linked.Count > 0;
            traces.UnionWith(linked);
        }
        while (grew);

        return spans.Where(s => traces.Contains(s.TraceId)).ToList();
    }
}
