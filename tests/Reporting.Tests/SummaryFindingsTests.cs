using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Inputs;
using static VisionEHalsa.Reporting.Tests.TestData;

namespace VisionEHalsa.Reporting.Tests;

/// <summary>The summary's findings worked out from a two-year fixture, without a host.</summary>
public sealed class SummaryFindingsTests
{
    private static readonly IndicatorDescription Waiting =
        new("VANTETID", "Väntetid till e-tjänst", "mean", "dagar", false, "answered(VANTETID)", null);

    private static readonly IndicatorDescription Npo =
        new("NPO", "Anslutna till NPÖ", "share", "%", true, "NPO == true", null);

    [Fact]
    public void The_largest_improvement_and_decline_are_named_from_the_change_since_the_year_before()
    {
        var content = TwoYears(
            before: [Riket("DIGPLAN", 50, 100), Riket("PERSRES", 40, 100), Share(Npo, 80, 100)],
            now: [Riket("DIGPLAN", 70, 100), Riket("PERSRES", 45, 100), Share(Npo, 60, 100)]);

        var findings = content.Findings;

        Assert.Equal(["DIGPLAN", "PERSRES"], findings.Improvements.Select(i => i.Code));
        Assert.Equal(["NPO"], findings.Declines.Select(i => i.Code));
        var sentences = findings.Sentences(content);
        Assert.Contains($"Störst förbättring sedan {content.Year - 1}: Styrande dokument för digitalisering, från 50,0 % till 70,0 % (+20,0 procentenheter). Därefter Personalresurser för e-hälsa, välfärdsteknik (+5,0 procentenheter).", sentences);
        Assert.Contains($"Störst försämring sedan {content.Year - 1}: Anslutna till NPÖ, från 80,0 % till 60,0 % (-20,0 procentenheter).", sentences);
    }

    [Fact]
    public void A_share_that_falls_is_an_improvement_when_lower_is_better()
    {
        var lowerIsBetter = Npo with { HigherIsBetter = false };
        var content = TwoYears(
            before: [Riket("DIGPLAN", 50, 100), Share(lowerIsBetter, 40, 100)],
            now: [Riket("DIGPLAN", 55, 100), Share(lowerIsBetter, 10, 100)],
            [Digplan, lowerIsBetter]);

        Assert.Equal(["NPO", "DIGPLAN"], content.Findings.Improvements.Select(i => i.Code));
        Assert.Empty(content.Findings.Declines);
    }

    [Fact]
    public void Indicators_in_other_units_are_not_ranked_against_shares()
    {
        var content = TwoYears(
            before: [Riket("DIGPLAN", 50, 100), Share(Waiting, 3000, 100)],
            now: [Riket("DIGPLAN", 51, 100), Share(Waiting, 100, 100)]);

        Assert.Equal(["DIGPLAN"], content.Findings.Improvements.Select(i => i.Code));
    }

    [Fact]
    public void Without_a_previous_year_the_summary_says_there_is_nothing_to_compare()
    {
        var year = NewYear();
        var content = Build(year, [Calculation(year, NewRound(), DateTimeOffset.UtcNow, 10, Riket("DIGPLAN", 7, 10))], [], null);

        Assert.False(content.Findings.HasPreviousYear);
        Assert.Contains($"Det finns inga värden för {year - 1} att jämföra med, så rapporten redovisar inga förändringar sedan föregående år.", content.Findings.Sentences(content));
    }

    [Fact]
    public void Targets_met_missed_and_without_a_number_are_findings()
    {
        var year = NewYear();
        var period = new StrategyPeriod("p", $"Strategi {year - 1}–{year + 1}", year - 1, year + 1,
            [new StrategyGoal("4", "Utveckling och digital transformation i samverkan", "")], [],
            [new("DIGPLAN", "4", 60, year + 1, null), new("PERSRES", "4", 90, year + 1, null), new("NPO", "4", null, year + 1, null), new("KVAL_LS", "4", null, year + 1, null)]);
        var content = Build(year, [Calculation(year, NewRound(), DateTimeOffset.UtcNow, 10, Riket("DIGPLAN", 7, 10), Riket("PERSRES", 5, 10))], [], period);

        var sentences = content.Findings.Sentences(content);

        Assert.Equal(["DIGPLAN"], content.Findings.Met.Select(i => i.Code));
        Assert.Equal(["PERSRES"], content.Findings.NotMet.Select(i => i.Code));
        Assert.Contains("1 av 2 nyckeltal med kvantifierat mål har nått sitt mål: Styrande dokument för digitalisering.", sentences);
        Assert.Contains($"Ej uppnått: Personalresurser för e-hälsa, välfärdsteknik (50,0 % mot målet 90,0 % till {year + 1}).", sentences);
        Assert.Contains("2 av strategins 4 mål för nyckeltalen saknar ett kvantifierat värde (inget kvantifierat mål); de kan bara följas som utveckling över tid.", sentences);
    }

    private static IndicatorValue Share(IndicatorDescription indicator, double numerator, double denominator) =>
        new(indicator.Code, IndicatorLevels.Riket, "SE", "Riket", 100 * numerator / denominator, numerator, denominator, (int)denominator);

    private static ReportContent TwoYears(IndicatorValue[] before, IndicatorValue[] now, IndicatorDescription[]? descriptions = null)
    {
        var year = NewYear();
        descriptions ??= [Digplan, Persres, Npo, Waiting];
        var earlier = Calculation(year - 1, NewRound(), DateTimeOffset.UtcNow.AddYears(-1), 100, before) with { Indicators = descriptions };
        var current = Calculation(year, NewRound(), DateTimeOffset.UtcNow, 100, now) with { Indicators = descriptions };
        return Build(year, [current], [earlier], null);
    }

    private static ReportContent Build(int year, IndicatorsRecalculated[] current, IndicatorsRecalculated[] earlier, StrategyPeriod? period)
    {
        var strategy = period is null ? null : new StoredStrategy("current", 1, DateTimeOffset.UtcNow, new StrategySnapshot(Vision, [period]));
        var inputs = new ReportInputs(year, current.Select(c => StoredCalculation.From(c, 1)).ToList(), earlier.Select(c => StoredCalculation.From(c, 1)).ToList(), strategy, []);
        return ReportContent.Build(inputs, 1, DateTimeOffset.UtcNow, EditionChanges.First);
    }
}
