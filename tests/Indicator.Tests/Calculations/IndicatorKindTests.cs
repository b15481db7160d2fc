using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Definitions;

namespace VisionEHalsa.Indicator.Tests.Calculations;

public class IndicatorKindTests
{
    // Four kommuner in two län: alarms in total and how many are digital; Vallentuna left the digital count empty.
    private static readonly Respondent[] Kommuner =
    [
        Kommun("kommun:0114", "01", "A2", """{"ANTAL": 100, "DIGITALA": 90, "PLAN": true}"""),
        Kommun("kommun:0115", "01", "A2", """{"ANTAL": 300, "PLAN": true}"""),
        Kommun("kommun:0305", "03", "B3", """{"ANTAL": 50, "DIGITALA": 10, "PLAN": false}"""),
        Kommun("kommun:0319", "03", "B3", """{"ANTAL": 850, "DIGITALA": 800, "PLAN": true}"""),
    ];

    [Fact]
    public void A_ratio_weighs_by_what_is_counted_not_by_organisation()
    {
        var values = Calculate(Definition("TRYGG_DIG", IndicatorKinds.Ratio, "answered(ANTAL)", value: "DIGITALA", denominatorValue: "ANTAL"));

        // Σ digital / Σ alarms over those with both counts: (90 + 10 + 800) / (100 + 50 + 850); Vallentuna is left out.
        AssertValue(values, IndicatorLevels.Riket, "SE", 90, 900, 1000, 4);
        AssertValue(values, IndicatorLevels.Lan, "01", 90, 90, 100, 2);
        AssertValue(values, IndicatorLevels.Lan, "03", 90, 810, 900, 2);
        AssertValue(values, IndicatorLevels.Organisation, "kommun:0115", null, 0, 0, 1);
        AssertValue(values, IndicatorLevels.Organisation, "kommun:0305", 20, 10, 50, 1);
    }

    [Fact]
    public void A_median_takes_the_middle_value_or_the_mean_of_the_two_middle_ones()
    {
        var values = Calculate(Definition("ANTAL_MEDIAN", IndicatorKinds.Median, "answered(ANTAL)", value: "ANTAL"));
        var withPlan = Calculate(Definition("PLAN_MEDIAN", IndicatorKinds.Median, "PLAN == true", value: "ANTAL"));

        AssertValue(values, IndicatorLevels.Riket, "SE", 200, 200, 4, 4);
        AssertValue(values, IndicatorLevels.Kommungrupp, "B3", 450, 450, 2, 2);
        AssertValue(withPlan, IndicatorLevels.Riket, "SE", 300, 300, 3, 4);
        AssertValue(withPlan, IndicatorLevels.Organisation, "kommun:0305", null, 0, 0, 1);
    }

    [Fact]
    public void A_mean_or_sum_may_aggregate_arithmetic_and_leaves_out_those_without_a_value()
    {
        var analog = Calculate(Definition("ANALOGA", IndicatorKinds.Sum, "answered(ANTAL)", value: "ANTAL - DIGITALA"));
        var share = Calculate(Definition("DIG_ANDEL", IndicatorKinds.Mean, "answered(ANTAL)", value: "100 * DIGITALA / ANTAL"));

        AssertValue(analog, IndicatorLevels.Riket, "SE", 100, 100, 3, 4);
        AssertValue(share, IndicatorLevels.Riket, "SE", 68.039216, 204.117647, 3, 4);
    }

    [Fact]
    public void A_share_may_compare_arithmetic_over_the_organisations_that_answered_its_questions()
    {
        var values = Calculate(Definition("MEST_DIG", IndicatorKinds.Share, "DIGITALA / ANTAL > 0.5"));

        // Answered both: Upplands Väsby (0.9), Håbo (0.2), Älvkarleby (0.94).
        AssertValue(values, IndicatorLevels.Riket, "SE", 66.666667, 2, 3, 4);
    }

    [Fact]
    public void The_contract_values_carry_the_same_numbers_without_coverage()
    {
        var ratio = Definition("TRYGG_DIG", IndicatorKinds.Ratio, "answered(ANTAL)", value: "DIGITALA", denominatorValue: "ANTAL");
        var compiled = new[] { CompiledIndicator.From(ratio) };

        var contract = IndicatorCalculator.Calculate(compiled, Kommuner);
        var full = IndicatorCalculator.Calculate(compiled, Kommuner, ExpectedPopulation.Unknown);

        Assert.Equal(full.Select(v => v.ToContract()), contract);
        var description = CompiledIndicator.Describe(ratio);
        Assert.Equal(("ratio", "DIGITALA", "ANTAL"), (description.Kind, description.Numerator, description.Denominator));
    }

    private static List<CalculatedValue> Calculate(IndicatorDefinition definition) =>
        [.. IndicatorCalculator.Calculate([CompiledIndicator.From(definition)], Kommuner, ExpectedPopulation.Unknown)];

    private static void AssertValue(List<CalculatedValue> values, string level, string area, double? value, double numerator, double denominator, int respondents)
    {
        var found = Assert.Single(values, v => v.Level == level && v.Area == area);
        Assert.Equal((value, numerator, denominator, respondents), (found.Value, found.Numerator, found.Denominator, found.Respondents));
    }

    private static IndicatorDefinition Definition(string code, string kind, string numerator, string? value = null, string? denominatorValue = null) =>
        new(IndicatorDefinition.IdFor(code, 1), code, 1, code, "ehalsa", kind, numerator, null, value, "%", true, [], DateTimeOffset.UnixEpoch, "test", denominatorValue);

    private static Respondent Kommun(string id, string lanskod, string kommungrupp, string answers) =>
        new(id, id, lanskod, $"Län {lanskod}", kommungrupp, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(answers)!);
}
