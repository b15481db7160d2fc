using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Definitions;

namespace VisionEHalsa.Indicator.Calculations;

/// <summary>
/// The areas of one calculation: riket, each län and kommungrupp among the respondents, and each organisation.
/// Every organisation's län and kommungrupp is looked up once here, not once per indicator.
/// </summary>
internal sealed class Areas
{
    private readonly Area _riket;
    private readonly Area[] _lans;
    private readonly Area[] _groups;
    private readonly Area[] _organisations;
    private readonly int[] _lanOf;
    private readonly int[] _groupOf;

    private Areas(Area riket, Area[] lans, Area[] groups, Area[] organisations, int[] lanOf, int[] groupOf) =>
        (_riket, _lans, _groups, _organisations, _lanOf, _groupOf) = (riket, lans, groups, organisations, lanOf, groupOf);

    public int RowsPerIndicator => 1 + _lans.Length + _groups.Length + _organisations.Length;

    /// <param name="ordered">The respondents in organisation id order.</param>
    public static Areas Of(Respondent[] ordered, ExpectedPopulation population)
    {
        var lanCodes = ordered.Select(r => r.Lanskod).OfType<string>().Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray();
        var groupCodes = ordered.Select(r => r.Kommungrupp).OfType<string>().Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray();
        var lanOf = ordered.Select(r => string.IsNullOrEmpty(r.Lanskod) ? -1 : Array.BinarySearch(lanCodes, r.Lanskod, StringComparer.Ordinal)).ToArray();
        var groupOf = ordered.Select(r => string.IsNullOrEmpty(r.Kommungrupp) ? -1 : Array.BinarySearch(groupCodes, r.Kommungrupp, StringComparer.Ordinal)).ToArray();

        var (lanMembers, groupMembers, lanNames) = (new int[lanCodes.Length], new int[groupCodes.Length], new string?[lanCodes.Length]);
        for (var row = 0; row < ordered.Length; row++)
        {
            if (lanOf[row] >= 0)
            {
                lanMembers[lanOf[row]]++;

                // The first name given, in id order: one misspelt response cannot rename a län depending on arrival.
                lanNames[lanOf[row]] ??= string.IsNullOrEmpty(ordered[row].Lan) ? null : ordered[row].Lan;
            }

            if (groupOf[row] >= 0)
            {
                groupMembers[groupOf[row]]++;
            }
        }

        var lans = lanCodes.Select((code, i) => new Area(IndicatorLevels.Lan, code, lanNames[i] ?? code, lanMembers[i], population.Lan(code))).ToArray();
        var groups = groupCodes.Select((code, i) => new Area(IndicatorLevels.Kommungrupp, code, code, groupMembers[i], population.Kommungrupp(code))).ToArray();
        var organisations = ordered.Select(r => new Area(IndicatorLevels.Organisation, r.OrganisationId, r.Name, 1, 1)).ToArray();
        var riket = new Area(IndicatorLevels.Riket, IndicatorCalculator.RiketArea, IndicatorCalculator.RiketName, ordered.Length, population.Riket);
        return new Areas(riket, lans, groups, organisations, lanOf, groupOf);
    }

    /// <summary>Adds the indicator's value of every area, in the order riket, län, kommungrupp, organisation.</summary>
    public void Aggregate(CompiledIndicator indicator, Contribution[] contributions, List<CalculatedValue> into)
    {
        var riket = new Totals();
        var lans = new Totals[_lans.Length];
        var groups = new Totals[_groups.Length];
        var median = indicator.Kind == IndicatorKinds.Median ? new Medians(_lans.Length, _groups.Length) : null;
        for (var row = 0; row < contributions.Length; row++)
        {
            var contribution = contributions[row];
            riket.Add(contribution);
            if (_lanOf[row] >= 0)
            {
                lans[_lanOf[row]].Add(contribution);
            }

            if (_groupOf[row] >= 0)
            {
                groups[_groupOf[row]].Add(contribution);
            }

            median?.Add(contribution, _lanOf[row], _groupOf[row]);
        }

        into.Add(Value(indicator, _riket, riket, median?.Riket()));
        for (var i = 0; i < _lans.Length; i++)
        {
            into.Add(Value(indicator, _lans[i], lans[i], median?.Lan(i)));
        }

        for (var i = 0; i < _groups.Length; i++)
        {
            into.Add(Value(indicator, _groups[i], groups[i], median?.Group(i)));
        }

        for (var row = 0; row < contributions.Length; row++)
        {
            var own = new Totals();
            own.Add(contributions[row]);
            into.Add(Value(indicator, _organisations[row], own, contributions[row].Counted ? contributions[row].Amount : null));
        }
    }

    private static CalculatedValue Value(CompiledIndicator indicator, Area area, Totals totals, double? median)
    {
        var (numerator, denominator, value) = indicator.Kind switch
        {
            IndicatorKinds.Share => ((double)totals.Matched, (double)totals.Counted, totals.Counted == 0 ? (double?)null : 100.0 * totals.Matched / totals.Counted),
            IndicatorKinds.Mean => (totals.Amount, totals.Counted, totals.Counted == 0 ? null : totals.Amount / totals.Counted),
            IndicatorKinds.Median => (median ?? 0, totals.Counted, median),
            IndicatorKinds.Ratio => (totals.Amount, totals.Below, totals.Below == 0 ? null : 100.0 * totals.Amount / totals.Below),
            _ => (totals.Amount, totals.Counted, totals.Counted == 0 ? null : totals.Amount),
        };
        var below = IndicatorCalculator.Round(denominator)!.Value;
        return new CalculatedValue(indicator.Code, area.Level, area.Code, area.Name, IndicatorCalculator.Round(value),
            IndicatorCalculator.Round(numerator)!.Value, below, area.Members, area.Expected, area.Coverage, ValueQuality.Flag(area.Coverage, below));
    }

    private sealed record Area(string Level, string Code, string Name, int Members, int? Expected)
    {
        public double? Coverage { get; } = ValueQuality.Coverage(Members, Expected);
    }

    private struct Totals
    {
        public int Counted;
        public int Matched;
        public double Amount;
        public double Below;

        public void Add(in Contribution contribution)
        {
            Counted += contribution.Counted ? 1 : 0;
            Matched += contribution.Matched ? 1 : 0;
            Amount += contribution.Amount;
            Below += contribution.Below;
        }
    }

    /// <summary>The amounts of the counted organisations per area, for a median.</summary>
    private sealed class Medians(int lans, int groups)
    {
        private readonly List<double> _riket = [];
        private readonly List<double>[] _lans = [.. Enumerable.Range(0, lans).Select(_ => new List<double>())];
        private readonly List<double>[] _groups = [.. Enumerable.Range(0, groups).Select(_ => new List<double>())];

        public void Add(in Contribution contribution, int lan, int group)
        {
            if (!contribution.Counted)
            {
                return;
            }

            _riket.Add(contribution.Amount);
            if (lan >= 0)
            {
                _lans[lan].Add(contribution.Amount);
            }

            if (group >= 0)
            {
                _groups[group].Add(contribution.Amount);
            }
        }

        public double? Riket() => Of(_riket);

        public double? Lan(int i) => Of(_lans[i]);

        public double? Group(int i) => Of(_groups[i]);

        /// <summary>The middle amount, or the mean of the two middle ones; null when nobody counted.</summary>
        private static double? Of(List<double> amounts)
        {
            if (amounts.Count == 0)
            {
                return null;
            }

            amounts.Sort();
            var middle = amounts.Count / 2;
            return amounts.Count % 2 == 1 ? amounts[middle] : (amounts[middle - 1] + amounts[middle]) / 2;
        }
    }
}
