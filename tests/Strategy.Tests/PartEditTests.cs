using System.Net;
using System.Net.Http.Json;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Strategy.Tests;

/// <summary>The finer endpoints: one goal, initiative or target of a period at a time.</summary>
public sealed class PartEditTests
{
    private const string Targets = "/api/v1/strategy/periods/2020-2022/targets";

    [Fact]
    public async Task Putting_a_target_value_stores_the_next_version_and_changes_that_period_only()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());

        var response = await client.PutAsJsonAsync($"{Targets}/DIGPLAN", new { goal = "4", targetValue = 80, targetYear = 2025, baselineYear = 2021 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var strategy = await client.GetStrategyAsync();
        Assert.Equal(2, (int)strategy["version"]!);
        var target = strategy.Period("2020-2022").Target("DIGPLAN");
        Assert.Equal((80.0, 2021, "atLeast"), ((double)target["targetValue"]!, (int)target["baselineYear"]!, (string)target["comparator"]!));
        Assert.Null(strategy.Period("2023-2025").Target("DIGPLAN")["targetValue"]);
        Assert.Equal(16, strategy.Period("2020-2022")["targets"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_target_for_an_unknown_indicator_gets_422_naming_it()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());
        var code = "NOPE_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var response = await client.PutAsJsonAsync($"{Targets}/{code}", new { goal = "4", targetValue = 80, targetYear = 2025 });

        Assert.Contains($"Unknown indicator '{code}'", (await response.ErrorsAsync()).Error("indicator"));
        Assert.Equal(1, (int)(await client.GetStrategyAsync())["version"]!);
    }

    [Fact]
    public async Task A_target_year_must_lie_from_the_period_start_to_ten_years_after_its_end()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());

        var early = await client.PutAsJsonAsync($"{Targets}/NPO", new { goal = "2", targetValue = 90, targetYear = 2019 });
        var late = await client.PutAsJsonAsync($"{Targets}/NPO", new { goal = "2", targetValue = 90, targetYear = 2033 });
        var latest = await client.PutAsJsonAsync($"{Targets}/NPO", new { goal = "2", targetValue = 90, targetYear = 2032 });

        Assert.Contains("before the period starts (2020)", (await early.ErrorsAsync()).Error("targetYear"));
        Assert.Contains("more than 10 years after the period ends (2022)", (await late.ErrorsAsync()).Error("targetYear"));
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.Equal(2032, (int)(await client.GetStrategyAsync()).Period("2020-2022").Target("NPO")["targetYear"]!);
    }

    [Fact]
    public async Task A_target_body_must_match_its_path_and_name_a_known_comparator_and_goal()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());

        var other = await client.PutAsJsonAsync($"{Targets}/NPO", new { indicator = "SAKID", goal = "2", targetValue = 90, targetYear = 2025 });
        var faults = await client.PutAsJsonAsync($"{Targets}/NPO", new { goal = "9", targetValue = 90, targetYear = 2025, comparator = "exactly" });

        Assert.Contains("names 'SAKID' but the path names 'NPO'", (await other.ErrorsAsync()).Error("indicator"));
        var errors = await faults.ErrorsAsync();
        Assert.Contains("'atLeast' or 'atMost'", errors.Error("comparator"));
        Assert.Contains("'9' is not a goal", errors.Error("goal"));
    }

    [Fact]
    public async Task A_pinned_comparator_is_shown_and_sending_it_back_stores_nothing_new()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());
        var body = new { goal = "2", targetValue = 5, targetYear = 2025, comparator = "atMost" };

        await client.PutAsJsonAsync($"{Targets}/NPO", body);
        var again = await client.PutAsJsonAsync($"{Targets}/NPO", body);
        var wholePeriod = await client.PutAsJsonAsync("/api/v1/strategy/periods/2020-2022", (await client.GetStrategyAsync()).Period("2020-2022"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (again.StatusCode, wholePeriod.StatusCode));
        var strategy = await client.GetStrategyAsync();
        Assert.Equal(2, (int)strategy["version"]!);
        Assert.Equal("atMost", (string)strategy.Period("2020-2022").Target("NPO")["comparator"]!);
        Assert.Equal("atLeast", (string)strategy.Period("2023-2025").Target("NPO")["comparator"]!);
    }

    [Fact]
    public async Task Deleting_a_target_removes_it_and_deleting_it_again_gets_404()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());

        var deleted = await client.DeleteAsync($"{Targets}/GPS_LARM?year=2025");
        var again = await client.DeleteAsync($"{Targets}/GPS_LARM");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var period = (await client.GetStrategyAsync()).Period("2020-2022");
        Assert.DoesNotContain(period["targets"]!.AsArray(), t => (string)t!["indicator"]! == "GPS_LARM");
        Assert.Equal(15, period["targets"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_new_goal_can_carry_a_new_initiative_and_both_can_go_again()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());
        const string period = "/api/v1/strategy/periods/2023-2025";

        var goal = await client.PutAsJsonAsync($"{period}/goals/5", new { title = "Hållbar digitalisering", description = "Ny inriktning." });
        var initiative = await client.PutAsJsonAsync($"{period}/initiatives/5.1",
            new { code = "5.1", title = "Gemensam digital infrastruktur", owner = "E-hälsomyndigheten", status = "pågår", goals = new[] { "5" } });
        var linkedGoal = await client.DeleteAsync($"{period}/goals/5");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (goal.StatusCode, initiative.StatusCode));
        Assert.Contains("still linked from initiative 5.1", (await linkedGoal.ErrorsAsync()).Error("code"));
        var stored = (await client.GetStrategyAsync()).Period("2023-2025");
        Assert.Equal("Hållbar digitalisering", (string)stored["goals"]!.AsArray().Single(g => (string)g!["code"]! == "5")!["title"]!);
        var storedInitiative = stored["initiatives"]!.AsArray().Single()!;
        Assert.Equal(("E-hälsomyndigheten", "pågår", "5"), ((string)storedInitiative["owner"]!, (string)storedInitiative["status"]!, (string)storedInitiative["goals"]![0]!));

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"{period}/initiatives/5.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"{period}/goals/5")).StatusCode);
        var after = await client.GetStrategyAsync();
        Assert.Equal(5, (int)after["version"]!);
        Assert.Equal(["1", "2", "3", "4"], after.Period("2023-2025")["goals"]!.AsArray().Select(g => (string)g!["code"]!));
    }

    [Fact]
    public async Task A_goal_that_targets_serve_cannot_be_deleted()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());

        var response = await client.DeleteAsync("/api/v1/strategy/periods/2020-2022/goals/4");

        var fault = (await response.ErrorsAsync()).Error("code");
        Assert.Contains("initiative 4.2", fault);
        Assert.Contains("target DIGPLAN 2025", fault);
        Assert.Equal(4, (await client.GetStrategyAsync()).Period("2020-2022")["goals"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_initiative_linked_to_a_missing_goal_gets_422()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());

        var response = await client.PutAsJsonAsync("/api/v1/strategy/periods/2020-2022/initiatives/1.9", new { title = "Insats", goals = new[] { "1", "9" } });

        Assert.Contains("Goal '9' is not a goal of this period", (await response.ErrorsAsync()).Error("goals"));
    }

    [Fact]
    public async Task A_duplicate_goal_code_gets_422()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());
        var period = (await client.GetStrategyAsync()).Period("2023-2025");
        period["goals"]![3]!["code"] = "1";
        period["targets"] = new System.Text.Json.Nodes.JsonArray();

        var response = await client.PutAsJsonAsync("/api/v1/strategy/periods/2023-2025", period);

        Assert.Contains("Goal code '1' appears more than once", (await response.ErrorsAsync()).Error("goals[3].code"));
    }

    [Fact]
    public async Task Editing_a_part_of_a_missing_period_gets_404()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());

        var put = await client.PutAsJsonAsync("/api/v1/strategy/periods/1990-1992/goals/1", new { title = "Mål" });
        var delete = await client.DeleteAsync("/api/v1/strategy/periods/2020-2022/initiatives/9.9");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (put.StatusCode, delete.StatusCode));
        Assert.Equal(1, (int)(await client.GetStrategyAsync())["version"]!);
    }

    [Fact]
    public async Task Partner_cannot_edit_a_target()
    {
        await using var factory = StrategyTestHost.Start();
        var partner = factory.ClientWithToken(TestAuth.Partner("kommun:0180"));

        var put = await partner.PutAsJsonAsync($"{Targets}/DIGPLAN", new { goal = "4", targetValue = 80, targetYear = 2025 });
        var delete = await partner.DeleteAsync($"{Targets}/DIGPLAN");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (put.StatusCode, delete.StatusCode));
    }
}
