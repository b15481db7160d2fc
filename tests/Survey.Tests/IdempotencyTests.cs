using System.Net;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class IdempotencyTests(SurveyService service)
{
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Fact]
    public async Task Replayed_idempotency_key_returns_the_first_receipt()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var malmo = service.ClientWithToken(TestAuth.Partner("kommun:1280"));
        var key = Guid.NewGuid().ToString();

        var first = await JsonAsync(await PutAsync(malmo, roundId, "kommun:1280", ValidAnswers, key));
        var replayResponse = await PutAsync(malmo, roundId, "kommun:1280", ValidAnswers.Replace("\":", "\": "), key);

        Assert.Equal(HttpStatusCode.OK, replayResponse.StatusCode);
        var replay = await JsonAsync(replayResponse);
        Assert.True(JsonNode.DeepEquals(first, replay), $"first {first}, replay {replay}");
        var versions = JsonNode.Parse(await malmo.GetStringAsync(ResponsePath(roundId, "kommun:1280") + "/versions"))!.AsArray();
        Assert.Single(versions);
    }

    [Fact]
    public async Task Same_idempotency_key_with_another_body_gets_422()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var malmo = service.ClientWithToken(TestAuth.Partner("kommun:1280"));
        var key = Guid.NewGuid().ToString();
        await PutAsync(malmo, roundId, "kommun:1280", ValidAnswers, key);

        var other = await PutAsync(malmo, roundId, "kommun:1280", ValidAnswers.Replace("1200", "1300"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("Idempotency-Key", (string?)(await JsonAsync(other))["detail"]);
        var latest = await JsonAsync(await malmo.GetAsync(ResponsePath(roundId, "kommun:1280")));
        Assert.Equal(1, (int?)latest["version"]);
        Assert.Equal(1200, (int?)latest["answers"]!["ANTAL"]);
    }

    [Fact]
    public async Task Key_of_a_rejected_response_can_be_used_for_its_correction()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var key = Guid.NewGuid().ToString();

        var rejected = await PutAsync(_kansli, roundId, "kommun:0114", """{"answers":{"DIGPLAN":"ja"}}""", key);
        var corrected = await PutAsync(_kansli, roundId, "kommun:0114", ValidAnswers, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(1, (int?)(await JsonAsync(corrected))["version"]);
    }
}
