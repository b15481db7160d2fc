using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionEHalsa.TestSupport;

/// <summary>The names of a test's round: its questionnaire, the round, and two share indicators with their names.</summary>
public sealed record KommunRoundNames(
    string QuestionnaireId, string Title, string RoundId, string PlanIndicator, string PlanName, string AlarmIndicator, string AlarmName);

/// <summary>
/// Sets up, through the gateway as the kansli would, a questionnaire asked of every kommun (DIGPLAN, TRYGGLARM,
/// ANTAL), two share indicators over it (a plan; digital alarms that are in use) and an open round of the year.
/// </summary>
public static class KommunRound
{
    public static async Task CreateAsync(HttpClient kansli, KommunRoundNames names, int year)
    {
        await ExpectAsync(HttpStatusCode.Created, await kansli.PostAsJsonAsync("/api/v1/questionnaires", new
        {
            id = names.QuestionnaireId,
            title = names.Title,
            population = "kommun",
            questions = new object[]
            {
                new { code = "DIGPLAN", text = "Har kommunen en digitaliseringsplan?", type = "yesno", required = true },
                new { code = "TRYGGLARM", text = "Erbjuder kommunen digitala trygghetslarm?", type = "choice", required = false, options = new[] { "Ja, alla", "Ja, några", "Nej" } },
                new { code = "ANTAL", text = "Antal digitala trygghetslarm", type = "integer", required = false, min = 0, max = 100000 },
            },
        }));
        await ExpectAsync(HttpStatusCode.Created, await kansli.PostAsJsonAsync("/api/v1/indicators",
            Share(names.QuestionnaireId, names.PlanIndicator, names.PlanName, "DIGPLAN == true")));
        await ExpectAsync(HttpStatusCode.Created, await kansli.PostAsJsonAsync("/api/v1/indicators",
            Share(names.QuestionnaireId, names.AlarmIndicator, names.AlarmName, "TRYGGLARM in [\"Ja, alla\", \"Ja, några\"] and ANTAL > 0")));
        await ExpectAsync(HttpStatusCode.Created, await kansli.PostAsJsonAsync("/api/v1/rounds", new { id = names.RoundId, questionnaireId = names.QuestionnaireId, year }));
        await ExpectAsync(HttpStatusCode.OK, await kansli.PostAsync($"/api/v1/rounds/{names.RoundId}/open", null));
    }

    /// <summary>The ids of all 290 kommuner, in code order.</summary>
    public static async Task<IReadOnlyList<string>> KommunIdsAsync(HttpClient kansli) =>
        (await kansli.GetFromJsonAsync<List<JsonElement>>("/api/v1/organisations?type=kommun"))!
            .Select(o => o.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();

    public static async Task ExpectAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}, expected {(int)status}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static object Share(string questionnaireId, string code, string name, string numerator) => new
    {
        code,
        name,
        questionnaireId,
        kind = "share",
        numerator,
        unit = "%",
        higherIsBetter = true,
    };
}
