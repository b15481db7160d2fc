using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class FuzzThroughGatewayTests(RunningPlatform platform)
{
    private static readonly MalformedBodies Malformed = new(
        """{"answers":{"DIGPLAN":true,"TRYGGLARM":"Ja, alla","ANTAL":1200}}""",
        ["ANTAL"],
        [
            ("DIGPLAN", ["\"ja\"", "1", "0", "[]", "{}", "\"true\""]),
            ("TRYGGLARM", ["1", "true", "[\"Ja, alla\"]", "{}", "\"ja, alla\"", "\"Kanske\""]),
            ("ANTAL", ["\"1200\"", "12.5", "-1", "100001", "true", "[1200]", "{\"v\":1}"]),
        ]);

    [Fact]
    public async Task Malformed_bodies_through_the_gateway_all_get_a_4xx_problem_and_change_nothing()
    {
        var kansli = await platform.ClientForAsync("kansli");
        var scenario = new Scenario(kansli, 2019);
        await scenario.CreateAsync();
        var path = $"/api/v1/rounds/{scenario.RoundId}/responses/kommun:0180";
        Assert.Equal(HttpStatusCode.OK, (await Scenario.SubmitAsync(kansli, scenario.RoundId, "kommun:0180", Scenario.AnswersFor(0))).StatusCode);
        var before = await kansli.GetStringAsync(path);

        var bodies = Malformed.Generate(new Random(7)).ToList();
        var failures = new List<string>();
        foreach (var (kind, body, contentType) in bodies)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(body) };
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            var response = await kansli.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status is < 400 or > 499 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{kind}: {status} for [{contentType}] {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 80)])}");
            }
        }

        Assert.True(bodies.Count >= 500, $"only {bodies.Count} bodies");
        Assert.True(failures.Count == 0, $"{failures.Count} of {bodies.Count} were not a 4xx problem:\n{string.Join("\n", failures.Take(10))}");
        Assert.Equal(before, await kansli.GetStringAsync(path));
        var versions = await kansli.GetFromJsonAsync<JsonElement>(path + "/versions");
        Assert.Equal(1, versions.GetArrayLength());
    }
}
