using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Definitions;

namespace VisionEHalsa.Indicator.Tests.Calculations;

public class IndicatorCalculatorTests
{
    // Five kommuner in two län and two kommungrupper; Österåker did not answer ANTAL, Älvkarleby not DIGPLAN.
    private static readonly Respondent[] Kommuner =
    [
        Kommun("kommun:0114", "Upplands Väsby", "01", "Stockholms län", "A2", """{"DIGPLAN": true, "ANTAL": 10}"""),
        Kommun("kommun:0115", "Vallentuna", "01", "Stockholms län", "A2", """{"DIGPLAN": false, "ANTAL": 20}"""),
        Kommun("kommun:0117", "Österåker", "01", "Stockholms län", "B3", """{"DIGPLAN": true}"""),
        Kommun("kommun:0305", "Håbo", "03", "Uppsala län", "B3", """{"DIGPLAN": true, "ANTAL": 30}"""),
        Kommun("kommun:0319", "Älvkarleby", "03", "Uppsala län", "B3", """{"DIGPLAN": null, "ANTAL": 5}"""),
    ];

    [Fact]
    public void A_share_counts_per_level_over_those_who_answered_the_question()
    {
        var values = Calculate(Definition("DIGPLAN", IndicatorKinds.Share, "DIGPLAN == true"));

        AssertValue(values, IndicatorLevels.Riket, "SE", "Riket", 75, 3, 4, 5);
        AssertValue(values, IndicatorLevels.Lan, "01", "Stockholms län", 66.666667, 2, 3, 3);
        AssertValue(values, IndicatorLevels.Lan, "03", "Uppsala län", 100, 1, 1, 2);
        AssertValue(values, IndicatorLevels.Kommungrupp, "A2", "A2", 50, 1, 2, 2);
        AssertValue(values, IndicatorLevels.Kommungrupp, "B3", "B3", 100, 2, 2, 3);
        AssertValue(values, IndicatorLevels.Organisation, "kommun:0115", "Vallentuna", 0, 0, 1, 1);
        AssertValue(values, IndicatorLevels.Organisation, "kommun:0319", "Älvkarleby", null, 0, 0, 1);
        Assert.Equal(1 + 2 + 2 + 5, values.Count);
    }

    [Fact]
    public void A_share_with_a_denominator_counts_the_numerator_only_among_the_denominator()
    {
        var values = Calculate(Definition("DIGPLAN_ANTAL", IndicatorKinds.Share, "DIGPLAN == true", denominator: "answered(ANTAL)"));

        AssertValue(values, IndicatorLevels.Riket, "SE", "Riket", 50, 2, 4, 5);
        AssertValue(values, IndicatorLevels.Lan, "01", "Stockholms län", 50, 1, 2, 3);
        AssertValue(values, IndicatorLevels.Kommungrupp, "B3", "B3", 50, 1, 2, 3);
    }

    [Fact]
    public void The_default_denominator_is_those_who_answered_every_question_the_numerator_uses()
    {
        var values = Calculate(Definition("BADA", IndicatorKinds.Share, "DIGPLAN == true and ANTAL > 15"));

        // Answered both: Upplands Väsby, Vallentuna and Håbo; only Håbo has a plan and more than 15.
        AssertValue(values, IndicatorLevels.Riket, "SE", "Riket", 33.333333, 1, 3, 5);
    }

    [Fact]
    public void A_mean_averages_the_value_over_the_organisations_matching_the_numerator()
    {
        var all = Calculate(Definition("ANTAL_MEDEL", IndicatorKinds.Mean, "answered(ANTAL)", value: "ANTAL"));
        var withPlan = Calculate(Definition("ANTAL_PLAN", IndicatorKinds.Mean, "DIGPLAN == true", value: "ANTAL"));

        AssertValue(all, IndicatorLevels.Riket, "SE", "Riket", 16.25, 65, 4, 5);
        AssertValue(all, IndicatorLevels.Lan, "01", "Stockholms län", 15, 30, 2, 3);
        AssertValue(all, IndicatorLevels.Lan, "03", "Uppsala län", 17.5, 35, 2, 2);
        AssertValue(withPlan, IndicatorLevels.Riket, "SE", "Riket", 20, 40, 2, 5);
        AssertValue(withPlan, IndicatorLevels.Organisation, "kommun:0117", "Österåker", null, 0, 0, 1);
    }

    [Fact]
    public void A_sum_adds_the_value_over_the_organisations_matching_the_numerator()
    {
        var values = Calculate(Definition("ANTAL_SUMMA", IndicatorKinds.Sum, "answered(ANTAL)", value: "ANTAL"));

        AssertValue(values, IndicatorLevels.Riket, "SE", "Riket", 65, 65, 4, 5);
        AssertValue(values, IndicatorLevels.Kommungrupp, "B3", "B3", 35, 35, 2, 3);
        AssertValue(values, IndicatorLevels.Organisation, "kommun:0117", "Österåker", null, 0, 0, 1);
    }

    [Fact]
    public void The_same_answers_give_the_same_values_whatever_their_order()
    {
        IndicatorDefinition[] definitions =
        [
            Definition("DIGPLAN", IndicatorKinds.Share, "DIGPLAN == true"),
            Definition("ANTAL_MEDEL", IndicatorKinds.Mean, "answered(ANTAL)", value: "ANTAL"),
        ];
        var compiled = definitions.Select(CompiledIndicator.From).ToList();

        var inOrder = IndicatorCalculator.Calculate(compiled, Kommuner);
        var reversed = IndicatorCalculator.Calculate([.. compiled.AsEnumerable().Reverse()], [.. Kommuner.Reverse()]);

        Assert.Equal(inOrder, reversed);
    }

    private static List<IndicatorValue> Calculate(IndicatorDefinition definition) =>
        [.. IndicatorCalculator.Calculate([CompiledIndicator.From(definition)], Kommuner)];

    private static void AssertValue(
        List<IndicatorValue> values, string level, string area, string areaName, double? value, double numerator, double denominator, int respondents)
    {
        var found = Assert.Single(values, v => v.Level == level && v.Area == area);
        Assert.Equal((areaName, value, numerator, denominator, respondents), (found.AreaName, found.Value, found.Numerator, found.Denominator, found.Respondents));
    }

    private static IndicatorDefinition Definition(string code, string kind, string numerator, string? denominator = null, string? value = null) =>
        new(IndicatorDefinition.IdFor(code, 1), code, 1, code, "ehalsa", kind, numerator, denominator, value, "%", true, [], DateTimeOffset.UnixEpoch, "test");

    private static Respondent Kommun(string id, string name, string lanskod, string lan, string kommungrupp, string answers) =>
        new(id, name, lanskod, lan, kommungrupp, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(answers)!);
}
