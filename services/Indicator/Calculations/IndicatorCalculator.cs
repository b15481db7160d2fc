using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Calculations;

/// <summary>
/// Computes every indicator for riket, each län, each kommungrupp and each organisation. Pure and
/// deterministic: organisations are taken in id order, so the same answers give the same values
/// whatever order they arrived in. The answers are decoded once into columns and each expression is
/// compiled once per calculation, so a recalculation is a few passes over arrays.
/// </summary>
public static class IndicatorCalculator
{
    public const string RiketArea = "SE";
    public const string RiketName = "Riket";

    /// <summary>The values as the contract carries them, without coverage.</summary>
    public static IReadOnlyList<IndicatorValue> Calculate(IReadOnlyList<CompiledIndicator> indicators, IReadOnlyList<Respondent> respondents) =>
        [.. Calculate(indicators, respondents, ExpectedPopulation.Unknown).Select(v => v.ToContract())];

    public static IReadOnlyList<CalculatedValue> Calculate(
        IReadOnlyList<CompiledIndicator> indicators, IReadOnlyList<Respondent> respondents, ExpectedPopulation population)
    {
        var ordered = respondents.OrderBy(r => r.OrganisationId, StringComparer.Ordinal).ToArray();
        var needs = new ExpressionNeeds();
        foreach (var indicator in indicators)
        {
            indicator.AddTo(needs);
        }

        var table = AnswerTable.Decode([.. ordered.Select(r => r.Answers)], needs);
        var areas = Areas.Of(ordered, population);
        var contributions = new Contribution[ordered.Length];
        var values = new List<CalculatedValue>(indicators.Count * areas.RowsPerIndicator);
        foreach (var indicator in indicators.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            Contribute(indicator, table, contributions);
            areas.Aggregate(indicator, contributions, values);
        }

        return values;
    }

    /// <summary>What each organisation adds to the indicator, wherever it is counted.</summary>
    private static void Contribute(CompiledIndicator indicator, AnswerTable table, Contribution[] into)
    {
        var selects = ExpressionCompiler.Condition(indicator.Numerator, table);
        if (indicator.Kind == IndicatorKinds.Share)
        {
            var counts = ExpressionCompiler.Condition(indicator.Denominator, table);
            for (var row = 0; row < into.Length; row++)
            {
                var counted = counts(row);
                into[row] = new Contribution(counted, counted && selects(row), 0, 0);
            }

            return;
        }

        // Mean, median, sum and ratio count an organisation when it matches and has every number they sum.
        var amount = indicator.Value is null ? NoNumber : ExpressionCompiler.Number(indicator.Value, table);
        var below = indicator.DenominatorValue is null || indicator.Kind != IndicatorKinds.Ratio
            ? Zero
            : ExpressionCompiler.Number(indicator.DenominatorValue, table);
        for (var row = 0; row < into.Length; row++)
        {
            var (above, under) = (amount(row), below(row));
            into[row] = !double.IsNaN(above) && !double.IsNaN(under) && selects(row)
                ? new Contribution(true, true, above, under)
                : default;
        }
    }

    private static readonly Func<int, double> NoNumber = _ => double.NaN;
    private static readonly Func<int, double> Zero = _ => 0;

    /// <summary>Six decimals: enough for any report, and no 0.30000000000000004 in the published values.</summary>
    internal static double? Round(double? value) => value is { } v ? Math.Round(v, 6, MidpointRounding.AwayFromZero) : null;
}

/// <summary>Whether an organisation counts in the denominator, in the numerator, and what it adds above and below the line.</summary>
internal readonly record struct Contribution(bool Counted, bool Matched, double Amount, double Below);
