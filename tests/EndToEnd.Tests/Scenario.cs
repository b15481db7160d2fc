using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using VisionEHalsa.TestSupport;

namespace VisionEHalsa.EndToEnd.Tests;

public sealed record Organisation(string Id, string Name, string Type, string? Lanskod, string? Lan, string? Kommungrupp);

/// <summary>Sets up a questionnaire, an indicator and an open round through the gateway, as the kansli would.</summary>
public sealed class Scenario(HttpClient kansli, int year)
{
    public string Id { get; } = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public int Year => year;

    public string QuestionnaireId => $"e2e-{Id.ToLowerInvariant()}";

    public string RoundId => $"round-{Id.ToLowerInvariant()}";

    public string IndicatorCode => $"DIGPLAN_{Id}";

    public string AlarmIndicatorCode => $"TRYGG_{Id}";

    public string IndicatorName => $"Andel kommuner med digitaliseringsplan {Id}";

    public Task CreateAsync() => KommunRound.CreateAsync(kansli, new KommunRoundNames(
        QuestionnaireId, "E-hälsa och välfärdsteknik i kommunerna", RoundId,
        IndicatorCode, IndicatorName, AlarmIndicatorCode, $"Andel kommuner med digitala trygghetslarm {Id}"), year);

    public async Task<IReadOnlyList<Organisation>> KommunerAsync() =>
        (await kansli.GetFromJsonAsync<List<Organisation>>("/api/v1/organisations?type=kommun", Json))!.OrderBy(o => o.Id, StringComparer.Ordinal).ToList();

    /// <summary>The known distribution: 7 of every 10 kommuner (by code order) have a plan; 203 of 290 = 70,0 %.</summary>
    public static Dictionary<string, object> AnswersFor(int index) => new()
    {
        ["DIGPLAN"] = index % 10 < 7,
        ["TRYGGLARM"] = (index % 3) switch { 0 => "Ja, alla", 1 => "Ja, några", _ => "Nej" },
        ["ANTAL"] = index % 4 == 0 ? 0 : index,
    };

    public static bool HasAlarm(int index) => index % 3 != 2 && index % 4 != 0;

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string roundId, string organisationId, object answers) =>
        await client.PutAsJsonAsync($"/api/v1/rounds/{roundId}/responses/{organisationId}", new { answers });

    /// <summary>Polls the latest CSV of the year until <paramref name="done"/> holds; returns its rows and when it did.</summary>
    public async Task<(IReadOnlyList<Dictionary<string, string>> Rows, TimeSpan Elapsed)> WaitForReportAsync(
        Func<IReadOnlyList<Dictionary<string, string>>, bool> done, Stopwatch since, TimeSpan timeout)
    {
        IReadOnlyList<Dictionary<string, string>> rows = [];
        while (since.Elapsed < timeout)
        {
            var response = await kansli.GetAsync($"/api/v1/reports/{year}/latest.csv");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                rows = Csv.Parse(await response.Content.ReadAsStringAsync());
                if (done(rows))
                {
                    return (rows, since.Elapsed);
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The {year} report did not reach the expected state in {timeout}; last rows: {rows.Count}");
    }

    public static Dictionary<string, string>? Row(IEnumerable<Dictionary<string, string>> rows, string indicator, string level, string area) =>
        rows.FirstOrDefault(r => r["indicator"] == indicator && r["level"] == level && r["area"] == area);

    public static double Number(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
