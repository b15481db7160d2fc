using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.Indicator.ReferenceData;

namespace VisionEHalsa.Indicator.Tests.Calculations;

public class CoverageTests
{
    private static readonly IndicatorDefinition Plan = new(IndicatorDefinition.IdFor("DIGPLAN", 1), "DIGPLAN", 1, "Plan", "ehalsa",
        IndicatorKinds.Share, "DIGPLAN == true", null, null, "%", true, [], DateTimeOffset.UnixEpoch, "test");

    [Fact]
    public void The_register_counts_the_kommuner_expected_per_lan_and_kommungrupp()
    {
        var register = KommunRegister.Embedded;

        Assert.Equal(290, register.Count);
        Assert.Equal(290, register.PerLan.Values.Sum());
        Assert.Equal(290, register.PerKommungrupp.Values.Sum());
        Assert.Equal((21, 9), (register.PerLan.Count, register.PerKommungrupp.Count));
        Assert.Equal((26, 8), (register.PerLan["01"], register.PerLan["03"]));
        Assert.Equal(3, register.PerKommungrupp["A1"]);
    }

    [Fact]
    public void Coverage_is_respondents_over_expected_and_low_coverage_is_flagged_first()
    {
        // Uppsala län has 8 kommuner: 5 answering is 0.625, 4 would be 0.5. Stockholms län has 26: 6 is 0.23.
        var respondents = Kommuner("03", 5, "C8").Concat(Kommuner("01", 6, "A2")).ToList();
        var population = KommunRegister.Embedded.ExpectedFor("kommun", 290);

        var values = IndicatorCalculator.Calculate([CompiledIndicator.From(Plan)], respondents, population);

        var riket = Assert.Single(values, v => v.Level == IndicatorLevels.Riket);
        Assert.Equal((290, Math.Round(11 / 290.0, 6), ValueQuality.LowCoverage), (riket.Expected, riket.Coverage, riket.Quality));
        var uppsala = Assert.Single(values, v => v.Level == IndicatorLevels.Lan && v.Area == "03");
        Assert.Equal((8, 0.625, 5.0, (string?)null), (uppsala.Expected, uppsala.Coverage, uppsala.Denominator, uppsala.Quality));
        var stockholm = Assert.Single(values, v => v.Level == IndicatorLevels.Lan && v.Area == "01");
        Assert.Equal((26, 0.230769, ValueQuality.LowCoverage), (stockholm.Expected, stockholm.Coverage, stockholm.Quality));
        var group = Assert.Single(values, v => v.Level == IndicatorLevels.Kommungrupp && v.Area == "C8");
        Assert.Equal(KommunRegister.Embedded.PerKommungrupp["C8"], group.Expected);
        var organisation = values.First(v => v.Level == IndicatorLevels.Organisation);
        Assert.Equal((1, 1.0, ValueQuality.SmallDenominator), (organisation.Expected, organisation.Coverage, organisation.Quality));
    }

    [Fact]
    public void A_small_denominator_is_flagged_when_coverage_is_good()
    {
        // Five kommuner of Uppsala län answered, but only four of them the question.
        var respondents = Kommuner("03", 5, "C8").Select((r, i) => i == 0 ? r with { Answers = Answers("{}") } : r).ToList();

        var values = IndicatorCalculator.Calculate([CompiledIndicator.From(Plan)], respondents, KommunRegister.Embedded.ExpectedFor("kommun", 8));

        var riket = Assert.Single(values, v => v.Level == IndicatorLevels.Riket);
        Assert.Equal((0.625, 4.0, ValueQuality.SmallDenominator), (riket.Coverage, riket.Denominator, riket.Quality));
    }

    [Fact]
    public void Without_a_known_population_only_the_denominator_is_judged()
    {
        var values = IndicatorCalculator.Calculate([CompiledIndicator.From(Plan)], Kommuner("03", 6, "C8").ToList(), ExpectedPopulation.Unknown);

        var riket = Assert.Single(values, v => v.Level == IndicatorLevels.Riket);
        Assert.Equal(((int?)null, (double?)null, (string?)null), (riket.Expected, riket.Coverage, riket.Quality));
        var lan = Assert.Single(values, v => v.Level == IndicatorLevels.Lan);
        Assert.Null(lan.Expected);
    }

    [Fact]
    public void A_region_round_knows_only_its_national_expectation()
    {
        var population = KommunRegister.Embedded.ExpectedFor("region", 21);

        Assert.Equal((21, (int?)null, (int?)null), (population.Riket, population.Lan("01"), population.Kommungrupp("A1")));
    }

    private static IEnumerable<Respondent> Kommuner(string lanskod, int count, string kommungrupp) =>
        Enumerable.Range(1, count).Select(i => new Respondent($"kommun:{lanskod}{i:D2}", $"Kommun {lanskod}{i:D2}", lanskod, $"Län {lanskod}", kommungrupp,
            Answers(i % 2 == 0 ? """{"DIGPLAN": true}""" : """{"DIGPLAN": false}""")));

    private static IReadOnlyDictionary<string, JsonElement> Answers(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}
