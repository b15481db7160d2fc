using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;
using Xunit.Abstractions;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class FuzzTests(SurveyService service, ITestOutputHelper output)
{
    private const string Valid = """{"answers":{"DIGPLAN":true,"PLANAR":2023,"TRYGGLARM":"Ja, alla","NPO":false,"ANTAL":1200,"ANDEL":12.5,"KOMMENTAR":"Bra"}}""";
    private const int Rounds = 70;

    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Fact]
    public async Task Fuzz_of_500_malformed_bodies_never_gets_a_5xx_and_changes_nothing()
    {
        var roundId = await OpenRoundAsync(_kansli);
        await PutAsync(_kansli, roundId, "kommun:0180", ValidAnswers);
        await PutAsync(_kansli, roundId, "kommun:0180", ValidAnswers.Replace("1200", "1201"));
        var before = await SnapshotAsync(roundId);
        var bodies = Generate(new Random(42)).ToList();

        var failures = new List<string>();
        var seen = new Dictionary<string, int>();
        foreach (var (kind, body, contentType) in bodies)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, ResponsePath(roundId, "kommun:0180")) { Content = new ByteArrayContent(body) };
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            var response = await _kansli.SendAsync(request);
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            seen[$"{kind} {status}"] = seen.GetValueOrDefault($"{kind} {status}") + 1;
            if (status is < 400 or > 499 || mediaType != "application/problem+json")
            {
                var shown = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 120)]);
                failures.Add($"{kind}: {status} {mediaType} for [{contentType}] {shown}");
            }
        }

        output.WriteLine(string.Join("\n", seen.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(bodies.Count >= 500, $"only {bodies.Count} bodies");
        Assert.True(failures.Count == 0, $"{failures.Count} of {bodies.Count} bodies were not answered with a 4xx problem:\n{string.Join("\n", failures.Take(15))}");
        Assert.Equal(before, await SnapshotAsync(roundId));
    }

    /// <summary>The latest version, its answers and the number of versions, as the API shows them.</summary>
    private async Task<string> SnapshotAsync(string roundId)
    {
        var latest = await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:0180")));
        var versions = JsonNode.Parse(await _kansli.GetStringAsync(ResponsePath(roundId, "kommun:0180") + "/versions"))!.AsArray();
        return $"{latest["version"]} {latest["answers"]!.ToJsonString()} {versions.Count}";
    }

    private static IEnumerable<(string Kind, byte[] Body, string? ContentType)> Generate(Random random)
    {
        const string json = "application/json";
        var generators = new Func<Random, (string, byte[], string?)>[]
        {
            r => ("truncated", Utf8(Valid[..r.Next(0, Valid.Length)]), json),
            r => ("structural character", Utf8(Replace(ValidAnswers, r.Next(1, ValidAnswers.Length - 1), "{}[]:,\""[r.Next(7)])), json),
            r => ("wrong type", Utf8(WrongType(r)), json),
            r => ("huge number", Utf8(Answer(Pick(r, "ANTAL", "PLANAR", "ANDEL"), Pick(r, "1e309", "-1e400", "123456789012345678901234567890", "9" + new string('9', r.Next(20, 400)), "1e20"))), json),
            r => ("unknown field", Utf8(Pick(r,
                Valid[..^1] + ",\"extra\":" + r.Next() + "}",
                Valid[..^1] + ",\"answer\":{}}",
                Valid.Replace("\"ANDEL\"", "\"OKAND" + r.Next(1000) + "\""),
                "{\"svar\":" + Valid[11..],
                Valid[..^1] + ",\"status\":" + Pick(r, "1", "true", "\"final\"", "[]", "{}") + "}")), json),
            r => ("deep nesting", Utf8(Pick(r, "", "{\"answers\":", "{\"answers\":{\"DIGPLAN\":", "[{\"answers\":") + new string(Pick(r, '[', '{'), r.Next(65, 10_001))), json),
            r => ("encoding", InvalidEncoding(r), Pick<string?>(r, json, json + "; charset=utf-8", json + "; charset=utf-16")),
            r => ("empty or wrong content type", Pick(r, [], Utf8(" "), Utf8("null"), Utf8(Valid)),
                Pick<string?>(r, null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "text/csv", json)),
        };

        for (var i = 0; i < Rounds; i++)
        {
            foreach (var generate in generators)
            {
                var (kind, body, contentType) = generate(random);
                // A valid body with a JSON content type is not malformed; the last generator only sends it under the wrong type.
                if (kind.StartsWith("empty") && contentType == json && body.Length > 10)
                {
                    contentType = "text/plain";
                }

                yield return (kind, body, contentType);
            }
        }
    }

    private static string WrongType(Random random)
    {
        var (code, value) = Pick(random,
            ("DIGPLAN", Pick(random, "\"ja\"", "1", "0", "[]", "{}", "\"true\"")),
            ("TRYGGLARM", Pick(random, "1", "true", "[\"Ja, alla\"]", "{}", "\"ja, alla\"")),
            ("ANTAL", Pick(random, "\"1200\"", "12.5", "-1", "true", "[1200]", "{\"v\":1}")),
            ("ANDEL", Pick(random, "\"12,5\"", "101", "-0.5", "false", "\"12.5 %\"")),
            ("KOMMENTAR", Pick(random, "5", "true", "[\"a\"]", "\"" + new string('x', 51) + "\"", "\"\\uD800\"", "\"a\\uDC00b\"")),
            ("answers", Pick(random, "[]", "\"text\"", "1", "true", "null")));
        return code == "answers"
            ? "{\"answers\":" + value + "}"
            : Answer(code, value);
    }

    private static byte[] InvalidEncoding(Random random)
    {
        var bad = Pick<byte[]>(random, [0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4]);
        return Pick(random, "text", "key", "utf16", "latin1") switch
        {
            "text" => [.. Utf8(Valid[..^3]), .. bad, .. Utf8("\"}}")],
            "key" => [.. Utf8("{\"answers\":{\"DIG"), .. bad, .. Utf8("PLAN\":true}}")],
            "utf16" => Encoding.Unicode.GetBytes(Valid),
            _ => Encoding.Latin1.GetBytes(Valid.Replace("\"Bra\"", "\"Växjö\"")),
        };
    }

    /// <summary>The valid body with one answer replaced.</summary>
    private static string Answer(string code, string value)
    {
        var answers = JsonNode.Parse(Valid)!["answers"]!.AsObject();
        answers.Remove(code);
        var rest = answers.ToJsonString()[1..^1];
        return "{\"answers\":{" + rest + (rest.Length > 0 ? "," : string.Empty) + "\"" + code + "\":" + value + "}}";
    }

    private static string Replace(string text, int index, char with) =>
        text[index] == with ? text[..index] + "]" + text[(index + 1)..] : text[..index] + with + text[(index + 1)..];

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];
}
