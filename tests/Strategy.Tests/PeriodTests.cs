using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.Strategy.Versions;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Strategy.Tests;

public sealed class PeriodTests
{
    [Fact]
    public async Task Putting_a_period_stores_version_2_and_relays_StrategyChanged()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli("kansli-" + Guid.NewGuid().ToString("N")[..8]));
        var period = (await client.GetStrategyAsync()).Period("2020-2022");
        var digplan = period["targets"]!.AsArray().Single(t => (string)t!["indicator"]! == "DIGPLAN")!;
        digplan["targetValue"] = 80.5;
        digplan["baselineYear"] = 2020;

        var response = await client.PutAsJsonAsync("/api/v1/strategy/periods/2020-2022", period);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await client.GetStrategyAsync();
        Assert.Equal(2, (int)stored["version"]!);
        var target = stored.Period("2020-2022")["targets"]!.AsArray().Single(t => (string)t!["indicator"]! == "DIGPLAN")!;
        Assert.Equal(80.5, (double)target["targetValue"]!);
        Assert.Equal(2020, (int)target["baselineYear"]!);
        Assert.Equal(3, stored["periods"]!.AsArray().Count);

        var versions = factory.Services.GetRequiredService<IDocumentStore>().Collection<StrategyVersion>(StrategyVersions.CollectionName);
        var relayed = await StrategyTestHost.EventuallyAsync(async () =>
            await versions.GetAsync("2") is { Relayed: true } version ? version : null);
        Assert.Equal(80.5, relayed.ToEvent().Strategy.Periods.Single(p => p.Id == "2020-2022").Targets.Single(t => t.Indicator == "DIGPLAN").TargetValue);
        Assert.StartsWith("kansli-", relayed.ChangedBy);
    }

    [Fact]
    public async Task Putting_a_new_period_adds_it_in_order()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());
        var period = new JsonObject
        {
            ["id"] = "2026-2030", ["title"] = "Strategi 2026–2030", ["from"] = 2026, ["to"] = 2030,
            ["goals"] = new JsonArray(new JsonObject { ["code"] = "1", ["title"] = "Individen som medskapare", ["description"] = "" }),
            ["initiatives"] = new JsonArray(),
            ["targets"] = new JsonArray(new JsonObject { ["indicator"] = "ETJ_EKB", ["goal"] = "1", ["targetValue"] = 90, ["targetYear"] = 2030 }),
        };

        var response = await client.PutAsJsonAsync("/api/v1/strategy/periods/2026-2030", period);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await client.GetStrategyAsync();
        Assert.Equal(["2017-2019", "2020-2022", "2023-2025", "2026-2030"], stored["periods"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.Equal(2, (int)stored["version"]!);
    }

    [Fact]
    public async Task Putting_the_same_period_again_stores_no_new_version()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());
        var period = (await client.GetStrategyAsync()).Period("2023-2025");

        var response = await client.PutAsJsonAsync("/api/v1/strategy/periods/2023-2025", period);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)(await client.GetStrategyAsync())["version"]!);
    }

    [Fact]
    public async Task An_invalid_period_gets_422_naming_every_fault()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());
        var period = (await client.GetStrategyAsync()).Period("2020-2022");
        period["from"] = 2023;
        period["goals"]![1]!["code"] = "1";
        period["targets"]![0]!["goal"] = "9";
        period["targets"]![1]!["targetYear"] = 2019;

        var response = await client.PutAsJsonAsync("/api/v1/strategy/periods/2020-2022", period);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("2023", (string)errors["from"]![0]!);
        Assert.Contains("more than once", (string)errors["goals[1].code"]![0]!);
        Assert.Contains("'9' is not a goal", (string)errors["targets[0].goal"]![0]!);
        Assert.Contains(errors["targets[1].targetYear"]!.AsArray(), m => ((string)m!).Contains("before the period starts (2023)"));
        // Goal 2 no longer exists once its code is duplicated, so the targets and initiative tied to it are named as well.
        Assert.True(errors.ContainsKey("initiatives[1].goals"));
        Assert.Equal(1, (int)(await client.GetStrategyAsync())["version"]!);
    }

    [Fact]
    public async Task A_period_without_its_lists_gets_422_naming_them()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());

        var response = await client.PutAsJsonAsync("/api/v1/strategy/periods/x", new { title = "", from = 2020, to = 2022 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["goals", "initiatives", "targets", "title"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Partner_cannot_change_the_strategy()
    {
        await using var factory = StrategyTestHost.Start();
        var partner = factory.ClientWithToken(TestAuth.Partner("kommun:0180"));
        var period = (await partner.GetStrategyAsync()).Period("2020-2022");

        var response = await partner.PutAsJsonAsync("/api/v1/strategy/periods/2020-2022", period);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, (int)(await partner.GetStrategyAsync())["version"]!);
    }
}
