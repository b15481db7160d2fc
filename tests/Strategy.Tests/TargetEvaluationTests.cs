using VisionEHalsa.Strategy.Targets;

namespace VisionEHalsa.Strategy.Tests;

public sealed class TargetEvaluationTests
{
    private static YearValue[] Values(params (int Year, double Value)[] values) => values.Select(v => new YearValue(v.Year, v.Value)).ToArray();

    [Fact]
    public void A_latest_value_exactly_on_target_is_met()
    {
        var status = TargetEvaluation.Evaluate(80, 2025, Comparator.AtLeast, Values((2022, 70), (2023, 80)));

        Assert.Equal(TargetState.Met, status.Status);
        Assert.Equal(2023, status.LatestYear);
        Assert.Equal(80, status.LatestValue);
        Assert.Equal(10, status.TrendPerYear);
    }

    [Fact]
    public void A_trend_reaching_the_target_exactly_in_its_year_is_on_track()
    {
        var status = TargetEvaluation.Evaluate(80, 2025, Comparator.AtLeast, Values((2021, 60), (2022, 65), (2023, 70)));

        Assert.Equal(TargetState.OnTrack, status.Status);
        Assert.Equal(5, status.TrendPerYear);
        Assert.Equal(80, status.ProjectedValue);
    }

    [Fact]
    public void A_trend_just_short_of_the_target_is_off_track()
    {
        var status = TargetEvaluation.Evaluate(80, 2025, Comparator.AtLeast, Values((2021, 60), (2022, 65), (2023, 69.97)));

        Assert.Equal(TargetState.OffTrack, status.Status);
        Assert.Equal(4.985, status.TrendPerYear!.Value, 6);
        Assert.Equal(79.945, status.ProjectedValue!.Value, 6);
    }

    [Fact]
    public void One_value_below_the_target_is_off_track_without_a_trend()
    {
        var status = TargetEvaluation.Evaluate(80, 2025, Comparator.AtLeast, Values((2023, 79)));

        Assert.Equal(TargetState.OffTrack, status.Status);
        Assert.Equal(79, status.LatestValue);
        Assert.Null(status.TrendPerYear);
        Assert.Null(status.ProjectedValue);
    }

    [Fact]
    public void An_at_most_target_mirrors_every_rule()
    {
        Assert.Equal(TargetState.Met, TargetEvaluation.Evaluate(20, 2025, Comparator.AtMost, Values((2022, 30), (2023, 20))).Status);
        var exactly = TargetEvaluation.Evaluate(20, 2025, Comparator.AtMost, Values((2021, 28), (2022, 26), (2023, 24)));
        Assert.Equal((TargetState.OnTrack, -2.0, 20.0), (exactly.Status, exactly.TrendPerYear!.Value, exactly.ProjectedValue!.Value));
        var justAbove = TargetEvaluation.Evaluate(20, 2025, Comparator.AtMost, Values((2021, 28), (2022, 26), (2023, 24.03)));
        Assert.Equal(TargetState.OffTrack, justAbove.Status);
        Assert.Equal(20.055, justAbove.ProjectedValue!.Value, 6);
        Assert.Equal(TargetState.OffTrack, TargetEvaluation.Evaluate(20, 2025, Comparator.AtMost, Values((2023, 21))).Status);
        // The same rising values that meet an atLeast target miss an atMost one.
        Assert.Equal(TargetState.OffTrack, TargetEvaluation.Evaluate(20, 2025, Comparator.AtMost, Values((2022, 10), (2023, 30))).Status);
    }

    [Fact]
    public void No_values_give_no_data()
    {
        var status = TargetEvaluation.Evaluate(80, 2025, Comparator.AtLeast, []);

        Assert.Equal(new TargetStatus(TargetState.NoData, null, null, null, null, 80, 2025), status);
    }

    [Fact]
    public void A_target_without_a_number_has_no_target_whatever_the_values()
    {
        Assert.Equal(TargetState.NoTarget, TargetEvaluation.Evaluate(null, 2025, Comparator.AtLeast, []).Status);

        var status = TargetEvaluation.Evaluate(null, 2025, Comparator.AtLeast, Values((2022, 50), (2023, 60)));
        Assert.Equal(TargetState.NoTarget, status.Status);
        Assert.Equal(60, status.LatestValue);
        Assert.Null(status.TargetValue);
    }

    [Fact]
    public void Only_the_last_five_years_shape_the_trend()
    {
        // 2015 lies outside the five years up to 2023; with it the trend would be far steeper.
        var status = TargetEvaluation.Evaluate(90, 2025, Comparator.AtLeast, Values((2015, 0), (2019, 70), (2023, 74)));

        Assert.Equal(1, status.TrendPerYear);
        Assert.Equal(76, status.ProjectedValue);
        Assert.Equal(TargetState.OffTrack, status.Status);
    }

    [Fact]
    public void A_target_year_already_measured_and_missed_is_off_track_with_no_projection()
    {
        var status = TargetEvaluation.Evaluate(80, 2023, Comparator.AtLeast, Values((2022, 60), (2023, 75), (2024, 79)));

        Assert.Equal(TargetState.OffTrack, status.Status);
        Assert.Equal(2024, status.LatestYear);
        Assert.Null(status.ProjectedValue);
    }

    [Fact]
    public void A_target_follows_its_indicator_unless_it_departs_from_it()
    {
        Assert.Equal(Comparator.AtMost, Comparators.For(higherIsBetter: false));
        Assert.Equal(Comparator.AtLeast, Comparators.For(higherIsBetter: null));
        Assert.Null(Comparators.ToStore(Comparator.AtMost, stored: null, indicatorDefault: Comparator.AtMost));
        Assert.Equal(Comparator.AtMost, Comparators.ToStore(Comparator.AtMost, stored: null, indicatorDefault: Comparator.AtLeast));
        Assert.Equal(Comparator.AtLeast, Comparators.ToStore(Comparator.AtLeast, stored: Comparator.AtLeast, indicatorDefault: Comparator.AtLeast));
        Assert.Null(Comparators.ToStore(null, stored: Comparator.AtMost, indicatorDefault: Comparator.AtLeast));
    }
}
