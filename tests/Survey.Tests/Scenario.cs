using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace VisionEHalsa.Survey.Tests;

/// <summary>Sets up the questionnaires and rounds a test asserts on, each with ids of its own.</summary>
internal static class Scenario
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A small kommun questionnaire with a question of most kinds; DIGPLAN and TRYGGLARM and NPO are required.</summary>
    public static JsonArray StandardQuestions() =>
    [
        new JsonObject { ["code"] = "DIGPLAN", ["text"] = "Har kommunen en plan för digitalisering?", ["type"] = "yesno", ["required"] = true },
        new JsonObject { ["code"] = "PLANAR", ["text"] = "Vilket år antogs planen?", ["type"] = "integer", ["required"] = false, ["min"] = 2000, ["max"] = 2100,
            ["requiredWhen"] = new JsonObject { ["question"] = "DIGPLAN", ["equals"] = true } },
        new JsonObject { ["code"] = "TRYGGLARM", ["text"] = "Erbjuds digitala trygghetslarm?", ["type"] = "choice", ["required"] = true,
            ["options"] = new JsonArray("Ja, alla", "Ja, några", "Nej") },
        new JsonObject { ["code"] = "NPO", ["text"] = "Används NPÖ?", ["type"] = "yesno", ["required"] = true },
        new JsonObject { ["code"] = "ANTAL", ["text"] = "Antal brukare med trygghetslarm", ["type"] = "integer", ["required"] = false, ["min"] = 0, ["max"] = 100000 },
        new JsonObject { ["code"] = "ANDEL", ["text"] = "Andel brukare med digital nattillsyn", ["type"] = "percent", ["required"] = false },
        new JsonObject { ["code"] = "KOMMENTAR", ["text"] = "Kommentar", ["type"] = "text", ["required"] = false, ["maxLength"] = 50 },
    ];

    public const string ValidAnswers = """{"answers":{"DIGPLAN":true,"PLANAR":2023,"TRYGGLARM":"Ja, alla","NPO":false,"ANTAL":1200,"ANDEL":12.5}}""";

    public static async Task<string> DefineQuestionnaireAsync(HttpClient kansli, JsonArray questions, string population = "kommun", string? id = null)
    {
        id ??= Unique("enkat");
        var response = await kansli.PostAsJsonAsync("/api/v1/questionnaires", new JsonObject
        {
            ["id"] = id,
            ["title"] = "E-hälsa och välfärdsteknik i kommunerna",
            ["population"] = population,
            ["questions"] = questions,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    public static async Task<string> CreateRoundAsync(HttpClient kansli, string questionnaireId, int year = 2025)
    {
        var id = Unique("omgang");
        var response = await kansli.PostAsJsonAsync("/api/v1/rounds", new { id, questionnaireId, year });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    public static async Task<JsonObject> ChangeRoundAsync(HttpClient kansli, string roundId, string change)
    {
        var response = await kansli.PostAsync($"/api/v1/rounds/{roundId}/{change}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>A new open round of <paramref name="questions"/> (the standard ones by default).</summary>
    public static async Task<string> OpenRoundAsync(HttpClient kansli, JsonArray? questions = null, string population = "kommun")
    {
        var questionnaireId = await DefineQuestionnaireAsync(kansli, questions ?? StandardQuestions(), population);
        var roundId = await CreateRoundAsync(kansli, questionnaireId);
        await ChangeRoundAsync(kansli, roundId, "open");
        return roundId;
    }

    public static string ResponsePath(string roundId, string organisationId) => $"/api/v1/rounds/{roundId}/responses/{organisationId}";

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string roundId, string organisationId, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, ResponsePath(roundId, organisationId))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, string roundId, byte[] file, string contentType, bool dryRun = false)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return client.PostAsync($"/api/v1/rounds/{roundId}/responses/import" + (dryRun ? "?dryRun=true" : string.Empty), content);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>The 422's <c>codes</c> extension: question code to fault kinds.</summary>
    public static Dictionary<string, string[]> Codes(JsonObject problem) =>
        problem["codes"]!.AsObject().ToDictionary(c => c.Key, c => c.Value!.AsArray().Select(v => v!.GetValue<string>()).ToArray());
}
