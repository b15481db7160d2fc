using VisionEHalsa.Contracts;
using VisionEHalsa.Strategy.Seed;
using VisionEHalsa.Strategy.Targets;
using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy.Tests;

public sealed class ChangeSummaryTests
{
    private static readonly StrategyContent Seed = StrategySeeder.Load();

    private static StrategyContent WithTarget(StrategyContent strategy, string periodId, string indicator, Func<Target, Target> change)
    {
        var period = strategy.Period(periodId)!;
        return strategy.WithPeriod(period with { Targets = period.Targets.Select(t => t.Indicator == indicator ? change(t) : t).ToList() });
    }

    [Fact]
    public void Setting_a_target_value_names_period_target_year_and_value()
    {
        var once = WithTarget(Seed, "2020-2022", "DIGPLAN", t => t with { TargetValue = 80 });
        var twice = WithTarget(once, "2020-2022", "DIGPLAN", t => t with { TargetValue = 82.5 });
        var cleared = WithTarget(twice, "2020-2022", "DIGPLAN", t => t with { TargetValue = null });

        Assert.Equal("2020-2022: target DIGPLAN 2025 set to 80", ChangeSummary.Describe(Seed, once));
        Assert.Equal("2020-2022: target DIGPLAN 2025 set to 82.5 (was 80)", ChangeSummary.Describe(once, twice));
        Assert.Equal("2020-2022: target DIGPLAN 2025 no longer has a number", ChangeSummary.Describe(twice, cleared));
    }

    [Fact]
    public void Every_changed_field_of_a_target_is_named()
    {
        var changed = WithTarget(Seed, "2023-2025", "NPO", t => t with { Goal = "1", BaselineYear = 2023, Comparator = Comparator.AtMost });

        Assert.Equal(
            "2023-2025: target NPO 2025 moved to goal 1; 2023-2025: target NPO 2025 baseline year set to 2023; 2023-2025: target NPO 2025 comparator set to atMost",
            ChangeSummary.Describe(Seed, changed));
    }

    [Fact]
    public void Added_and_removed_parts_are_named()
    {
        var period = Seed.Period("2023-2025")!;
        var changed = Seed.WithPeriod(period with
        {
            Goals = [.. period.Goals, new StrategyGoal("5", "Ny inriktning", "")],
            Initiatives = [new StrategyInitiative("5.1", "Ny insats", "E-hälsomyndigheten", null, ["5"])],
            Targets = period.Targets.Where(t => t.Indicator != "GPS_LARM").Append(new Target("NPO", "5", 90, 2024, null, Comparator.AtLeast)).ToList(),
        });

        Assert.Equal(
            "2023-2025: goal 5 added ('Ny inriktning'); 2023-2025: initiative 5.1 added ('Ny insats'); "
            + "2023-2025: target NPO 2024 added, set to 90 (atLeast); 2023-2025: target GPS_LARM 2025 removed",
            ChangeSummary.Describe(Seed, changed));
        Assert.Equal(
            "2023-2025: goal 5 removed; 2023-2025: initiative 5.1 removed; "
            + "2023-2025: target GPS_LARM 2025 added without a number; 2023-2025: target NPO 2024 removed",
            ChangeSummary.Describe(changed, Seed));
    }

    [Fact]
    public void A_long_list_of_changes_is_cut_with_a_count()
    {
        var changed = Seed;
        foreach (var target in Seed.Period("2020-2022")!.Targets)
        {
            changed = WithTarget(changed, "2020-2022", target.Indicator, t => t with { TargetValue = 50 });
        }

        var summary = ChangeSummary.Describe(Seed, changed);

        Assert.Equal(ChangeSummary.MaxChanges, summary.Split("; ").Length - 1);
        Assert.EndsWith($"; and {16 - ChangeSummary.MaxChanges} more changes", summary);
    }

    [Fact]
    public void The_first_version_names_its_periods()
    {
        Assert.Equal("strategy created with periods 2017-2019, 2020-2022, 2023-2025", ChangeSummary.Describe(null, Seed));
    }
}
