using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Inputs;

namespace VisionEHalsa.Reporting.Content;

/// <summary>Respondents against the expected number in one area; <see cref="Expected"/> is null when unknown.</summary>
public sealed record AreaRate(string Code, string Name, int Respondents, int? Expected)
{
    /// <summary>Below this share of the expected organisations a value is flagged as resting on low coverage.</summary>
    public const double LowCoverage = 0.6;

    public double? Rate => Expected is { } expected and > 0 ? (double)Respondents / expected : null;

    public bool IsLow => Rate < LowCoverage;
}

/// <summary>A survey round used by the report, with its calculation and its response rates.</summary>
public sealed record RoundSummary(StoredCalculation Calculation, StoredRound? Round, AreaRate Overall, IReadOnlyList<AreaRate> Lan, IReadOnlyList<AreaRate> Kommungrupper)
{
    public string RoundId => Calculation.RoundId;

    public static RoundSummary For(StoredCalculation calculation, StoredRound? round)
    {
        var kommuner = round?.Population == KommunRegister.KommunPopulation ? KommunRegister.Embedded : null;
        var overall = new AreaRate(IndicatorLevels.Riket, "Riket", calculation.BasedOn.Responses, round?.Expected);
        return new RoundSummary(calculation, round, overall,
            Rates(calculation, IndicatorLevels.Lan, kommuner?.Lan ?? []),
            Rates(calculation, IndicatorLevels.Kommungrupp, kommuner?.Kommungrupper ?? []));
    }

    /// <summary>
    /// Respondents per area are the organisations the indicator service counted there (the most any indicator
    /// counted); areas of the register nobody answered from are listed with 0.
    /// </summary>
    private static List<AreaRate> Rates(StoredCalculation calculation, string level, IReadOnlyList<RegisterArea> register)
    {
        var counted = calculation.Values.Where(v => v.Level == level)
            .GroupBy(v => v.Area, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Name: g.First().AreaName, Respondents: g.Max(v => v.Respondents)), StringComparer.Ordinal);
        var expected = register.ToDictionary(a => a.Code, StringComparer.Ordinal);
        return counted.Keys.Union(expected.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(code => new AreaRate(
                code,
                counted.TryGetValue(code, out var c) ? c.Name : expected[code].Name,
                counted.TryGetValue(code, out var r) ? r.Respondents : 0,
                register.Count == 0 ? null : expected.TryGetValue(code, out var e) ? e.Kommuner : 0))
            .ToList();
    }
}
