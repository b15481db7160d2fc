using System.Net;
using System.Net.Http.Json;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Strategy.Tests;

public sealed class HistoryTests
{
    [Fact]
    public async Task History_lists_every_version_newest_first_with_who_and_what()
    {
        await using var factory = StrategyTestHost.Start();
        var kansli = "kansli-" + Guid.NewGuid().ToString("N")[..8];
        var client = factory.ClientWithToken(TestAuth.Kansli(kansli));
        await client.PutAsJsonAsync("/api/v1/strategy/periods/2020-2022/targets/DIGPLAN", new { goal = "4", targetValue = 80, targetYear = 2025 });
        await client.PutAsJsonAsync("/api/v1/strategy/periods/2020-2022/targets/DIGPLAN", new { goal = "4", targetValue = 85, targetYear = 2025 });
        await client.PutAsJsonAsync("/api/v1/strategy/periods/2023-2025/initiatives/4.3", new { title = "Ny insats", goals = new[] { "4" } });

        var history = await client.GetArrayAsync("/api/v1/strategy/history");

        Assert.Equal([4, 3, 2, 1], history.Select(h => (int)h!["version"]!));
        Assert.Equal([kansli, kansli, kansli, "seed"], history.Select(h => (string)h!["changedBy"]!));
        Assert.Equal(
            [
                "2023-2025: initiative 4.3 added ('Ny insats')",
                "2020-2022: target DIGPLAN 2025 set to 85 (was 80)",
                "2020-2022: target DIGPLAN 2025 set to 80",
                "strategy created with periods 2017-2019, 2020-2022, 2023-2025",
            ],
            history.Select(h => (string)h!["summary"]!));
        Assert.True(history.Select(h => DateTimeOffset.Parse((string)h!["changedAt"]!)).SequenceEqual(
            history.Select(h => DateTimeOffset.Parse((string)h!["changedAt"]!)).OrderDescending()));

        var page = await client.GetArrayAsync("/api/v1/strategy/history?before=3&limit=1");
        Assert.Equal([2], page.Select(h => (int)h!["version"]!));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync("/api/v1/strategy/history?limit=0")).StatusCode);
    }

    [Fact]
    public async Task An_earlier_version_reads_back_as_it_was()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());
        await client.PutAsJsonAsync("/api/v1/strategy/periods/2020-2022/targets/DIGPLAN", new { goal = "4", targetValue = 80, targetYear = 2025 });
        await client.DeleteAsync("/api/v1/strategy/periods/2020-2022/targets/NPO");

        var first = await client.GetObjectAsync("/api/v1/strategy/versions/1");
        var second = await client.GetObjectAsync("/api/v1/strategy/versions/2");
        var latest = await client.GetStrategyAsync();

        Assert.Equal((1, "seed"), ((int)first["version"]!, (string)first["changedBy"]!));
        Assert.Null(first.Period("2020-2022").Target("DIGPLAN")["targetValue"]);
        Assert.Equal(2, (int)second["version"]!);
        Assert.Equal(80, (double)second.Period("2020-2022").Target("DIGPLAN")["targetValue"]!);
        Assert.Equal(16, second.Period("2020-2022")["targets"]!.AsArray().Count);
        Assert.Equal((3, 15), ((int)latest["version"]!, latest.Period("2020-2022")["targets"]!.AsArray().Count));
        Assert.Equal("2020-2022: target NPO 2025 removed", (string)latest["summary"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/strategy/versions/4")).StatusCode);
    }
}
