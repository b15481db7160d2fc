using System.Net;
using System.Text.RegularExpressions;

namespace VisionEHalsa.EndToEnd.Tests.Telemetry;

[Collection(PlatformCollection.Name)]
public sealed class MetricsTests(RunningPlatform platform)
{
    [Fact]
    public async Task Every_process_exposes_the_named_metrics_with_values_from_the_run()
    {
        var kansli = await platform.ClientForAsync("kansli");
        var scenario = new Scenario(kansli, 2018);
        await scenario.CreateAsync();
        Assert.Equal(HttpStatusCode.OK, (await Scenario.SubmitAsync(kansli, scenario.RoundId, "kommun:0180", Scenario.AnswersFor(0))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Scenario.SubmitAsync(kansli, scenario.RoundId, "kommun:0180", new { DIGPLAN = "kanske" })).StatusCode);
        await scenario.WaitForReportAsync(
            r => Scenario.Row(r, scenario.IndicatorCode, "riket", "SE") is { } riket && Scenario.Number(riket, "denominator") == 1,
            System.Diagnostics.Stopwatch.StartNew(), TimeSpan.FromSeconds(60));

        var survey = await MetricsOf("survey");
        Assert.True(Value(survey, "platform_responses_accepted_total") >= 1, "responses accepted");
        Assert.True(Value(survey, "platform_responses_rejected_total") >= 1, "responses rejected");
        Assert.Matches(@"platform_outbox_relayed_total\{[^}]*document=""ResponseVersion""", survey);
        Assert.Contains("platform_outbox_backlog", survey);
        Assert.Contains("platform_outbox_age", survey);
        Assert.Contains("http_server_request_duration_seconds_count", survey);

        var indicator = await MetricsOf("indicator");
        Assert.True(Value(indicator, "platform_recalculation_duration_milliseconds_count") >= 1, "recalculations timed");
        Assert.True(Value(indicator, "platform_consumer_lag_seconds_count") >= 1, "consumer lag");

        var reporting = await MetricsOf("reporting");
        Assert.True(Value(reporting, "platform_reports_rendering_milliseconds_count") >= 1, "report durations");
        Assert.True(Value(reporting, "platform_reports_freshness_seconds_count") >= 1, "time from accepted response to edition");

        var gateway = await MetricsOf("gateway");
        Assert.True(Value(gateway, "http_server_request_duration_seconds_count") >= 1, "gateway requests");
    }

    private async Task<string> MetricsOf(string process)
    {
        using var http = new HttpClient();
        // The exporter refreshes its snapshot periodically; ask until the run's figures are in.
        var text = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            text = await http.GetStringAsync(new Uri(platform.ServiceAddress(process), "/metrics"));
            if (text.Contains("platform_", StringComparison.Ordinal) || process == "gateway")
            {
                break;
            }

            await Task.Delay(500);
        }

        return text;
    }

    /// <summary>The sum of every series of a metric (all label sets).</summary>
    private static double Value(string exposition, string name) =>
        Regex.Matches(exposition, "^" + Regex.Escape(name) + @"(\{[^}]*\})? ([0-9.eE+-]+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
}
