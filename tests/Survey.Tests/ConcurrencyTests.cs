using System.Net;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class ConcurrencyTests(SurveyService service)
{
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Fact]
    public async Task Simultaneous_corrections_get_consecutive_versions()
    {
        var roundId = await OpenRoundAsync(_kansli);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PutAsync(_kansli, roundId, "kommun:2380", ValidAnswers)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var versions = await Task.WhenAll(responses.Select(async r => (int)(await JsonAsync(r))["version"]!));
        Assert.Equal(Enumerable.Range(1, 8), versions.Order());
    }

    [Fact]
    public async Task Simultaneous_requests_with_one_idempotency_key_store_one_version()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PutAsync(_kansli, roundId, "kommun:1880", ValidAnswers, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var receipts = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).ToJsonString()));
        Assert.Single(receipts.Distinct());
        Assert.Equal(1, (int?)(await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:1880"))))["version"]);
    }
}
