using System.Net;
using VisionEHalsa.Strategy.Periods;
using VisionEHalsa.Strategy.Seed;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Strategy.Tests;

public sealed class SeedingTests
{
    [Fact]
    public async Task Seeding_gives_version_1_with_four_goals_for_2020_2022()
    {
        await using var factory = StrategyTestHost.Start();
        var strategy = await factory.ClientWithToken(TestAuth.Partner("kommun:0180")).GetStrategyAsync();

        Assert.Equal(1, (int)strategy["version"]!);
        Assert.StartsWith("År 2025 ska Sverige vara bäst i världen", (string)strategy["vision"]!);
        Assert.Equal(["2017-2019", "2020-2022", "2023-2025"], strategy["periods"]!.AsArray().Select(p => (string)p!["id"]!));

        var period = strategy.Period("2020-2022");
        Assert.Equal(
            ["Individen som medskapare", "Rätt kunskap och information", "Trygg och säker informationshantering", "Utveckling och digital transformation i samverkan"],
            period["goals"]!.AsArray().Select(g => (string)g!["title"]!));
        Assert.Equal(["1.2", "2.4", "3.1", "4.2"], period["initiatives"]!.AsArray().Select(i => (string)i!["code"]!));

        var targets = period["targets"]!.AsArray();
        Assert.Equal(16, targets.Count);
        Assert.All(targets, t => Assert.Null(t!["targetValue"]));
        Assert.All(targets, t => Assert.Equal(2025, (int)t!["targetYear"]!));
        Assert.Equal("2", (string)targets.Single(t => (string)t!["indicator"]! == "NPO")!["goal"]!);
        Assert.Equal("3", (string)targets.Single(t => (string)t!["indicator"]! == "SAKID")!["goal"]!);
    }

    [Fact]
    public void The_seeded_periods_pass_the_same_validation_as_a_put()
    {
        var seed = StrategySeeder.Load();

        foreach (var period in seed.Periods)
        {
            var request = new PeriodRequest(
                period.Title, period.From, period.To,
                period.Goals.Select(g => new GoalRequest(g.Code, g.Title, g.Description)).ToList(),
                period.Initiatives.Select(i => new InitiativeRequest(i.Code, i.Title, i.Owner, i.Status, i.Goals.ToList<string?>())).ToList(),
                period.Targets.Select(t => new TargetRequest(t.Indicator, t.Goal, t.TargetYear, t.TargetValue, t.BaselineYear)).ToList(),
                period.Id);
            Assert.Empty(PeriodValidator.Validate(period.Id, request));
        }
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401()
    {
        await using var factory = StrategyTestHost.Start();

        var response = await factory.CreateClient().GetAsync("/api/v1/strategy");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
