using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionEHalsa.ScaleOut.Tests;

/// <summary>
/// A questionnaire with two share indicators and an open round, set up through the gateway as the kansli would.
/// The same <paramref name="id"/> on two platforms gives the same questionnaire, codes and round on both. The
/// answers are known, so the final values are too.
/// </summary>
public sealed class ScaleOutRound(HttpClient kansli, int year, string id)
{
    private readonly string _id = id.ToUpperInvariant();

    public int Year => year;

    public string QuestionnaireId => $"scale-{_id.ToLowerInvariant()}";

    public string RoundId => $"round-{_id.ToLowerInvariant()}";

    public string PlanIndicator => $"DIGPLAN_{_id}";

    public string AlarmIndicator => $"TRYGG_{_id}";

    public async Task CreateAsync()
    {
        await ExpectAsync(HttpStatusCode.Created, await kansli.PostAsJsonAsync("/api/v1/questionnaires", new
        {
            id = QuestionnaireId,
            title = "E-hälsa och välfärdsteknik i kommunerna",
            population = "kommun",
            questions = new object[]
            {
                new { code = "DIGPLAN", text = "Har kommunen en digitaliseringsplan?", type = "yesno", required = true },
                new { code = "TRYGGLARM", text = "Erbjuder kommunen digitala trygghetslarm?", type = "choice", required = false, options = new[] { "Ja, alla", "Ja, några", "Nej" } },
                new { code = "ANTAL", text = "Antal digitala trygghetslarm", type = "integer", required = false, min = 0, max = 100000 },
            },
        }));
        await ExpectAsync(HttpStatusCode.Created, await kansli.PostAsJsonAsync("/api/v1/indicators", Share(PlanIndicator, "DIGPLAN == true")));
        await ExpectAsync(HttpStatusCode.Created, await kansli.PostAsJsonAsync("/api/v1/indicators",
            Share(AlarmIndicator, "TRYGGLARM in [\"Ja, alla\", \"Ja, några\"] and ANTAL > 0")));

        await ExpectAsync(HttpStatusCode.Created, await kansli.PostAsJsonAsync("/api/v1/rounds", new { id = RoundId, questionnaireId = QuestionnaireId, year }));
        await ExpectAsync(HttpStatusCode.OK, await kansli.PostAsync($"/api/v1/rounds/{RoundId}/open", null));
    }

    public async Task<IReadOnlyList<string>> KommunerAsync() =>
        (await kansli.GetFromJsonAsync<List<JsonElement>>("/api/v1/organisations?type=kommun"))!
            .Select(o => o.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every fifth kommun (by code order) corrects its response: the plan answer flips and it reports alarms.</summary>
    public static bool IsCorrected(int index) => index % 5 == 0;

    public static Dictionary<string, object> FirstAnswers(int index) => new()
    {
        ["DIGPLAN"] = HasPlanAtFirst(index),
        ["TRYGGLARM"] = Alarm(index),
        ["ANTAL"] = index % 4 == 0 ? 0 : index,
    };

    public static Dictionary<string, object> Correction(int index) => new()
    {
        ["DIGPLAN"] = !HasPlanAtFirst(index),
        ["TRYGGLARM"] = Alarm(index),
        ["ANTAL"] = 1000 + index,
    };

    public static bool HasPlan(int index) => HasPlanAtFirst(index) != IsCorrected(index);

    public static bool HasAlarm(int index) => index % 3 != 2 && (IsCorrected(index) || index % 4 != 0);

    private static bool HasPlanAtFirst(int index) => index % 10 < 7;

    private static string Alarm(int index) => (index % 3) switch { 0 => "Ja, alla", 1 => "Ja, några", _ => "Nej" };

    private object Share(string code, string numerator) => new
    {
        code,
        name = $"Andel kommuner med {code}",
        questionnaireId = QuestionnaireId,
        kind = "share",
        numerator,
        unit = "%",
        higherIsBetter = true,
    };

    private static async Task ExpectAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}, expected {(int)status}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
