using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Calculations;

/// <summary>
/// Computes every indicator for riket, each län, each kommungrupp and each organisation. Pure and
/// deterministic: organisations are taken in id order, so the same answers give the same values
/// whatever order they arrived in.
/// </summary>
public static class IndicatorCalculator
{
    public const string RiketArea = "SE";
    public const string RiketName = "Riket";

    public static IReadOnlyList<IndicatorValue> Calculate(IReadOnlyList<CompiledIndicator> indicators, IReadOnlyList<Respondent> respondents)
    {
        var ordered = respondents.OrderBy(r => r.OrganisationId, StringComparer.Ordinal).ToList();
        var areas = Areas(ordered);
        var values = new List<IndicatorValue>();
        foreach (var indicator in indicators.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            var outcomes = ordered.Select(r => Outcome(indicator, r)).ToArray();
            values.AddRange(areas.Select(area => Aggregate(indicator, area, outcomes)));
        }

        return values;
    }

    private sealed record Area(string Level, string Code, string Name, IReadOnlyList<int> Members);

    /// <summary>Whether an organisation counts in the denominator, in the numerator, and with what amount (mean/sum).</summary>
    private readonly record struct Contribution(bool Counted, bool Matched, double Amount);

    private static Contribution Outcome(CompiledIndicator indicator, Respondent respondent)
    {
        if (indicator.Kind == IndicatorKinds.Share)
        {
            var counted = ExpressionEvaluator.Evaluate(indicator.Denominator, respondent.Answers);
            return new Contribution(counted, counted && ExpressionEvaluator.Evaluate(indicator.Numerator, respondent.Answers), 0);
        }

        var amount = indicator.Value is null ? null : ExpressionEvaluator.Number(indicator.Value, respondent.Answers);
        var matched = amount is not null && ExpressionEvaluator.Evaluate(indicator.Numerator, respondent.Answers);
        return new Contribution(matched, matched, matched ? amount!.Value : 0);
    }

    private static IndicatorValue Aggregate(CompiledIndicator indicator, Area area, Contribution[] outcomes)
    {
        var matched = 0;
        var counted = 0;
        var total = 0.0;
        foreach (var member in area.Members)
        {
            var outcome = outcomes[member];
            matched += outcome.Matched ? 1 : 0;
            counted += outcome.Counted ? 1 : 0;
            total += outcome.Amount;
        }

        var (numerator, value) = indicator.Kind switch
        {
            IndicatorKinds.Share => ((double)matched, counted == 0 ? (double?)null : 100.0 * matched / counted),
            IndicatorKinds.Mean => (total, counted == 0 ? null : total / counted),
            _ => (total, counted == 0 ? null : total),
        };

        return new IndicatorValue(indicator.Code, area.Level, area.Code, area.Name, Round(value), Round(numerator)!.Value, counted, area.Members.Count);
    }

    private static List<Area> Areas(IReadOnlyList<Respondent> ordered)
    {
        var indexes = Enumerable.Range(0, ordered.Count).ToList();
        var areas = new List<Area> { new(IndicatorLevels.Riket, RiketArea, RiketName, indexes) };
        areas.AddRange(indexes
            .Where(i => !string.IsNullOrEmpty(ordered[i].Lanskod))
            .GroupBy(i => ordered[i].Lanskod!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Area(IndicatorLevels.Lan, g.Key, g.Select(i => ordered[i].Lan).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? g.Key, [.. g])));
        areas.AddRange(indexes
            .Where(i => !string.IsNullOrEmpty(ordered[i].Kommungrupp))
            .GroupBy(i => ordered[i].Kommungrupp!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Area(IndicatorLevels.Kommungrupp, g.Key, g.Key, [.. g])));
        areas.AddRange(indexes.Select(i => new Area(IndicatorLevels.Organisation, ordered[i].OrganisationId, ordered[i].Name, [i])));
        return areas;
    }

    /// <summary>Six decimals: enough for any report, and no 0.30000000000000004 in the published values.</summary>
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6, MidpointRounding.AwayFromZero) : null;
}
