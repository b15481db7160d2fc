using VisionEHalsa.Strategy.Targets;

namespace VisionEHalsa.Strategy.Indicators;

/// <summary>
/// What the strategy knows of indicators from the calculations it has received: their codes, their direction
/// and their national value per year. Where two rounds give a value for the same year, the later calculation wins.
/// </summary>
public sealed class IndicatorFacts
{
    private readonly Dictionary<string, bool> _higherIsBetter = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<int, double>> _values = new(StringComparer.Ordinal);

    public IndicatorFacts(IEnumerable<RoundValues> rounds)
    {
        foreach (var round in rounds.OrderBy(r => r.CalculatedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            foreach (var indicator in round.Indicators)
            {
                _higherIsBetter[indicator.Code] = indicator.HigherIsBetter;
            }

            foreach (var value in round.Riket)
            {
                if (value.Value is { } number)
                {
                    Series(value.Indicator)[round.Year] = number;
                }
            }
        }
    }

    public static IndicatorFacts None { get; } = new([]);

    /// <summary>The codes calculations have named.</summary>
    public IReadOnlyCollection<string> Codes => _higherIsBetter.Keys;

    /// <summary>The comparator a target of <paramref name="indicator"/> gets unless it names one.</summary>
    public Comparator DefaultComparator(string indicator) =>
        Comparators.For(_higherIsBetter.TryGetValue(indicator, out var higher) ? higher : null);

    public IReadOnlyList<YearValue> Values(string indicator) =>
        _values.TryGetValue(indicator, out var series) ? series.Select(v => new YearValue(v.Key, v.Value)).ToList() : [];

    private SortedDictionary<int, double> Series(string indicator)
    {
        if (!_values.TryGetValue(indicator, out var series))
        {
            _values[indicator] = series = new();
        }

        return series;
    }
}
