using System.Net;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class DraftTests(SurveyService service)
{
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Fact]
    public async Task Draft_is_not_counted_or_published_until_submitted()
    {
        var roundId = await OpenRoundAsync(_kansli);
        await using var bus = await BusListener.StartAsync(service, roundId);
        var uppsala = service.ClientWithToken(TestAuth.Partner("kommun:0380"));

        var draft = await PutAsync(uppsala, roundId, "kommun:0380", """{"status":"draft","answers":{"DIGPLAN":true}}""");
        var whileDraft = (await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{roundId}")))["completeness"]!;
        var missingWhileDraft = JsonNode.Parse(await _kansli.GetStringAsync($"/api/v1/rounds/{roundId}/missing"))!.AsArray();
        var submitted = await PutAsync(uppsala, roundId, "kommun:0380", ValidAnswers);
        var relayed = await bus.WaitForAsync(r => r.Count >= 1);
        var afterSubmit = (await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{roundId}")))["completeness"]!;

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var draftReceipt = await JsonAsync(draft);
        Assert.Equal("draft", (string?)draftReceipt["status"]);
        Assert.Equal(1, (int?)draftReceipt["version"]);
        Assert.Equal((0, 1, 0), ((int)whileDraft["submitted"]!, (int)whileDraft["drafts"]!, (int)whileDraft["responded"]!));
        Assert.Equal(290, missingWhileDraft.Count);
        Assert.True((bool)missingWhileDraft.Single(m => (string?)m!["id"] == "kommun:0380")!["hasDraft"]!);
        var receipt = await JsonAsync(submitted);
        Assert.Equal(("submitted", 2), ((string)receipt["status"]!, (int)receipt["version"]!));
        Assert.True(relayed, "the submitted version was not published within 10 s");
        await Task.Delay(500);
        Assert.Equal(new[] { 2 }, bus.Received.Select(m => m.Version));
        Assert.Equal((1, 0, 1), ((int)afterSubmit["submitted"]!, (int)afterSubmit["drafts"]!, (int)afterSubmit["responded"]!));
    }

    [Fact]
    public async Task Draft_is_checked_for_types_but_not_for_required_questions()
    {
        var roundId = await OpenRoundAsync(_kansli);

        var wrongType = await PutAsync(_kansli, roundId, "kommun:0581", """{"status":"draft","answers":{"DIGPLAN":"ja","ANTAL":-1}}""");
        var partial = await PutAsync(_kansli, roundId, "kommun:0581", """{"status":"draft","answers":{"NPO":true,"ANTAL":10}}""");
        var unknownStatus = await PutAsync(_kansli, roundId, "kommun:0581", """{"status":"final","answers":{"NPO":true}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongType.StatusCode);
        var codes = Codes(await JsonAsync(wrongType));
        Assert.Equal(new[] { "ANTAL", "DIGPLAN" }, codes.Keys.Order());
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownStatus.StatusCode);
        Assert.Equal(new[] { "status" }, (await JsonAsync(unknownStatus))["errors"]!.AsObject().Select(e => e.Key));
        var latest = await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:0581")));
        Assert.Equal("draft", (string?)latest["status"]);
        Assert.Equal(10, (int?)latest["answers"]!["ANTAL"]);
    }

    [Fact]
    public async Task Latest_submitted_version_stays_readable_while_a_correction_is_drafted()
    {
        var roundId = await OpenRoundAsync(_kansli);
        await PutAsync(_kansli, roundId, "kommun:0680", ValidAnswers);
        await PutAsync(_kansli, roundId, "kommun:0680", """{"status":"draft","answers":{"ANTAL":99}}""");

        var latest = await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:0680")));
        var submitted = await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:0680") + "?status=submitted"));
        var completeness = (await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{roundId}")))["completeness"]!;

        Assert.Equal((2, "draft"), ((int)latest["version"]!, (string)latest["status"]!));
        Assert.Equal((1, "submitted", 1200), ((int)submitted["version"]!, (string)submitted["status"]!, (int)submitted["answers"]!["ANTAL"]!));
        Assert.Equal((1, 0), ((int)completeness["submitted"]!, (int)completeness["drafts"]!));
    }

    [Fact]
    public async Task Completeness_counts_submitted_and_drafts_per_lan_and_kommungrupp()
    {
        var roundId = await OpenRoundAsync(_kansli);
        await PutAsync(_kansli, roundId, "kommun:0180", ValidAnswers);
        await PutAsync(_kansli, roundId, "kommun:0114", ValidAnswers);
        await PutAsync(_kansli, roundId, "kommun:1480", """{"status":"draft","answers":{"NPO":true}}""");

        var completeness = (await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{roundId}")))["completeness"]!;

        Assert.Equal((290, 2, 1, 2), ((int)completeness["expected"]!, (int)completeness["submitted"]!, (int)completeness["drafts"]!, (int)completeness["responded"]!));
        var stockholmsLan = completeness["byLan"]!.AsArray().Single(l => (string?)l!["lanskod"] == "01")!;
        Assert.Equal((2, 0), ((int)stockholmsLan["submitted"]!, (int)stockholmsLan["drafts"]!));
        var vastraGotaland = completeness["byLan"]!.AsArray().Single(l => (string?)l!["lanskod"] == "14")!;
        Assert.Equal((0, 1), ((int)vastraGotaland["submitted"]!, (int)vastraGotaland["drafts"]!));
        var grupper = completeness["byKommungrupp"]!.AsArray();
        Assert.Equal(290, grupper.Sum(g => (int)g!["expected"]!));
        var storstader = grupper.Single(g => (string?)g!["kommungrupp"] == "A1")!;
        Assert.Equal((3, 1, 1), ((int)storstader["expected"]!, (int)storstader["submitted"]!, (int)storstader["drafts"]!));
        var pendling = grupper.Single(g => (string?)g!["kommungrupp"] == "A2")!;
        Assert.Equal(1, (int)pendling["submitted"]!);
    }

    [Fact]
    public async Task Missing_lists_who_has_not_submitted_for_the_kansli_only()
    {
        var questions = new JsonArray(new JsonObject { ["code"] = "NPO", ["text"] = "Används NPÖ?", ["type"] = "yesno", ["required"] = true });
        var roundId = await OpenRoundAsync(_kansli, questions, population: "region");
        await PutAsync(_kansli, roundId, "region:01", """{"answers":{"NPO":true}}""");
        await PutAsync(_kansli, roundId, "region:14", """{"answers":{"NPO":false}}""");
        await PutAsync(_kansli, roundId, "region:25", """{"status":"draft","answers":{}}""");

        var missing = JsonNode.Parse(await _kansli.GetStringAsync($"/api/v1/rounds/{roundId}/missing"))!.AsArray();
        var asPartner = await service.ClientWithToken(TestAuth.Partner("region:01")).GetAsync($"/api/v1/rounds/{roundId}/missing");

        Assert.Equal(19, missing.Count);
        Assert.DoesNotContain(missing, m => (string?)m!["id"] is "region:01" or "region:14");
        var norrbotten = missing.Single(m => (string?)m!["id"] == "region:25")!;
        Assert.Equal("Region Norrbotten", (string?)norrbotten["name"]);
        Assert.Equal("Norrbottens län", (string?)norrbotten["lan"]);
        Assert.True((bool)norrbotten["hasDraft"]!);
        Assert.Equal(1, missing.Count(m => (bool)m!["hasDraft"]!));
        Assert.Equal(HttpStatusCode.Forbidden, asPartner.StatusCode);
    }
}
