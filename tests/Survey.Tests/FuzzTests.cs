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

    private static readonly MalformedBodies Malformed = new(
        Valid,
        ["ANTAL", "PLANAR", "ANDEL"],
        [
            ("DIGPLAN", ["\"ja\"", "1", "0", "[]", "{}", "\"true\""]),
            ("TRYGGLARM", ["1", "true", "[\"Ja, alla\"]", "{}", "\"ja, alla\""]),
            ("ANTAL", ["\"1200\"", "12.5", "-1", "true", "[1200]", "{\"v\":1}"]),
            ("ANDEL", ["\"12,5\"", "101", "-0.5", "false", "\"12.5 %\""]),
            ("KOMMENTAR", ["5", "true", "[\"a\"]", "\"" + new string('x', 51) + "\"", "\"\\uD800\"", "\"a\\uDC00b\""]),
        ]);

    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Fact]
    public async Task Fuzz_of_500_malformed_bodies_never_gets_a_5xx_and_changes_nothing()
    {
        var roundId = await OpenRoundAsync(_kansli);
        await PutAsync(_kansli, roundId, "kommun:0180", ValidAnswers);
        await PutAsync(_kansli, roundId, "kommun:0180", ValidAnswers.Replace("1200", "1201"));
        var before = await SnapshotAsync(roundId);
        var bodies = Malformed.Generate(new Random(42)).ToList();

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
}
