using VisionEHalsa.Strategy.Indicators;
using VisionEHalsa.Strategy.Periods;
using VisionEHalsa.Strategy.Seed;
using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy.Tests;

public sealed class PeriodEditTests
{
    private static readonly StrategyContent Seed = StrategySeeder.Load();

    private static IEnumerable<(string, int, double?)> Targets(Edit edit, string indicator) =>
        edit.Next!.Period("2023-2025")!.Targets.Where(t => t.Indicator == indicator).Select(t => (t.Indicator, t.TargetYear, t.TargetValue));

    [Fact]
    public void A_target_for_another_year_moves_the_indicators_only_target()
    {
        var moved = PeriodEdits.PutTarget(Seed, "2023-2025", "DIGPLAN", new TargetRequest(null, "4", 2024, 75), IndicatorFacts.None);

        Assert.Equal([("DIGPLAN", 2024, 75.0)], Targets(moved, "DIGPLAN"));
    }

    [Fact]
    public void With_targets_in_several_years_a_new_year_is_added_and_a_known_year_replaced()
    {
        var moved = PeriodEdits.PutTarget(Seed, "2023-2025", "DIGPLAN", new TargetRequest(null, "4", 2024, 75), IndicatorFacts.None).Next!;
        var request = PeriodRequest.Of(moved.Period("2023-2025")!);
        var two = PeriodEdits.PutPeriod(
            moved, "2023-2025", request with { Targets = [.. request.Targets!, new TargetRequest("DIGPLAN", "4", 2025, 80)] }, IndicatorFacts.None).Next!;

        var added = PeriodEdits.PutTarget(two, "2023-2025", "DIGPLAN", new TargetRequest("DIGPLAN", "4", 2023, 70), IndicatorFacts.None);
        var replaced = PeriodEdits.PutTarget(two, "2023-2025", "DIGPLAN", new TargetRequest("DIGPLAN", "4", 2025, 85), IndicatorFacts.None);

        Assert.Equal([("DIGPLAN", 2024, 75.0), ("DIGPLAN", 2025, 80.0), ("DIGPLAN", 2023, 70.0)], Targets(added, "DIGPLAN"));
        Assert.Equal([("DIGPLAN", 2024, 75.0), ("DIGPLAN", 2025, 85.0)], Targets(replaced, "DIGPLAN"));
    }

    [Fact]
    public void Faults_of_the_edited_part_are_keyed_by_its_own_fields()
    {
        var edit = PeriodEdits.PutGoal(Seed, "2023-2025", "x y", new GoalRequest(null, " "), IndicatorFacts.None);

        Assert.Equal(["code", "title"], edit.Errors!.Keys.Order(StringComparer.Ordinal));
        var renamed = PeriodEdits.PutGoal(Seed, "2023-2025", "1", new GoalRequest("2", "Individen som medskapare"), IndicatorFacts.None);
        Assert.Contains("names '2' but the path names '1'", renamed.Errors!["code"][0]);
    }
}
