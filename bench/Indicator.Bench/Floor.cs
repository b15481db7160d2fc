using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Calculations;

namespace VisionEHalsa.Indicator.Bench;

/// <summary>
/// The floor: the same 30 indicators computed by hand-written loops over answers already decoded into plain
/// arrays, with no expressions, no JSON and no sorting; it still groups by area and builds the same result rows,
/// since that is what a recalculation produces. The benchmark checks that it gives exactly the platform's values.
/// </summary>
public static class Floor
{
    private static readonly string[] Codes =
    [
        .. new[]
        {
            "DIGPLAN", "PERSRES", "KVAL_LS", "SAKID", "SAKID_HSL", "NPO", "ETJ_EKB", "ETJ_BU", "AUTO_EKB", "MOBDOK_HT", "STRUKDOK",
            "NATT_KAM", "TILLSYN_DAG", "GPS_LARM", "NATT_KAM_FH", "NATT_BADA", "NATT_NAGON", "STYRNING", "SAKERHET", "ETJ_NAGON",
            "TRYGG_DIG_HALV", "TRYGG_BLAND", "TRYGG_ANALOG_EJ", "TRYGG_HELDIG", "TRYGG_DIG", "TRYGG_MEDEL", "TRYGG_MEDIAN",
            "TRYGG_SUMMA", "TRYGG_ANALOGA", "TRYGG_DIG_MEDEL",
        }.Order(StringComparer.Ordinal),
    ];

    public static List<CalculatedValue> Calculate(SyntheticRound round, ExpectedPopulation population)
    {
        var people = round.Respondents;
        var n = people.Length;
        var lanCodes = people.Select(p => p.Lanskod!).Distinct().Order(StringComparer.Ordinal).ToArray();
        var groupCodes = people.Select(p => p.Kommungrupp!).Distinct().Order(StringComparer.Ordinal).ToArray();
        var lanIndex = lanCodes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var groupIndex = groupCodes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var (lanOf, groupOf) = (new int[n], new int[n]);
        var (lanMembers, groupMembers, lanNames) = (new int[lanCodes.Length], new int[groupCodes.Length], new string[lanCodes.Length]);
        for (var i = 0; i < n; i++)
        {
            lanOf[i] = lanIndex[people[i].Lanskod!];
            groupOf[i] = groupIndex[people[i].Kommungrupp!];
            lanMembers[lanOf[i]]++;
            groupMembers[groupOf[i]]++;
            lanNames[lanOf[i]] ??= people[i].Lan!;
        }

        var riketCoverage = Coverage(n, population.Riket);
        var lanCoverage = lanCodes.Select((c, l) => Coverage(lanMembers[l], population.Lan(c))).ToArray();
        var groupCoverage = groupCodes.Select((c, g) => Coverage(groupMembers[g], population.Kommungrupp(c))).ToArray();
        var (counted, matched, amount, below) = (new bool[n], new bool[n], new double[n], new double[n]);
        var rows = new List<CalculatedValue>(Codes.Length * (1 + lanCodes.Length + groupCodes.Length + n));
        foreach (var code in Codes)
        {
            var kind = Contribute(code, round, counted, matched, amount, below);
            var (riket, lans, groups) = (new double[4], new double[lanCodes.Length * 4], new double[groupCodes.Length * 4]);
            var medians = kind == Kind.Median ? new List<double>[1 + lanCodes.Length + groupCodes.Length] : null;
            for (var m = 0; medians is not null && m < medians.Length; m++)
            {
                medians[m] = [];
            }

            for (var i = 0; i < n; i++)
            {
                Add(riket, 0, counted[i], matched[i], amount[i], below[i]);
                Add(lans, lanOf[i] * 4, counted[i], matched[i], amount[i], below[i]);
                Add(groups, groupOf[i] * 4, counted[i], matched[i], amount[i], below[i]);
                if (medians is not null && counted[i])
                {
                    medians[0].Add(amount[i]);
                    medians[1 + lanOf[i]].Add(amount[i]);
                    medians[1 + lanCodes.Length + groupOf[i]].Add(amount[i]);
                }
            }

            rows.Add(Row(code, kind, IndicatorLevels.Riket, "SE", "Riket", riket, 0, n, population.Riket, riketCoverage, Median(medians?[0])));
            for (var l = 0; l < lanCodes.Length; l++)
            {
                rows.Add(Row(code, kind, IndicatorLevels.Lan, lanCodes[l], lanNames[l], lans, l * 4, lanMembers[l], population.Lan(lanCodes[l]),
                    lanCoverage[l], Median(medians?[1 + l])));
            }

            for (var g = 0; g < groupCodes.Length; g++)
            {
                rows.Add(Row(code, kind, IndicatorLevels.Kommungrupp, groupCodes[g], groupCodes[g], groups, g * 4, groupMembers[g],
                    population.Kommungrupp(groupCodes[g]), groupCoverage[g], Median(medians?[1 + lanCodes.Length + g])));
            }

            var own = new double[4];
            for (var i = 0; i < n; i++)
            {
                own[0] = counted[i] ? 1 : 0;
                own[1] = matched[i] ? 1 : 0;
                (own[2], own[3]) = (amount[i], below[i]);
                rows.Add(Row(code, kind, IndicatorLevels.Organisation, people[i].OrganisationId, people[i].Name, own, 0, 1, 1, 1, counted[i] ? amount[i] : null));
            }
        }

        return rows;
    }

    /// <summary>Each indicator by hand: who counts, who matches, what is summed above and below the line.</summary>
    private enum Kind
    {
        Share,
        Mean,
        Median,
        Sum,
        Ratio,
    }

    private static Kind Contribute(string code, SyntheticRound r, bool[] counted, bool[] matched, double[] amount, double[] below)
    {
        var y = (string question) => r.Answers[Array.IndexOf(SyntheticRound.YesNo, question)];
        var (antal, digitala, heldig) = (r.Antal, r.Digitala, r.HeldigChoice);
        Array.Clear(amount);
        Array.Clear(below);
        switch (code)
        {
            case "NATT_KAM" or "TILLSYN_DAG" or "DIGPLAN" or "PERSRES" or "KVAL_LS" or "SAKID" or "SAKID_HSL" or "NPO" or "ETJ_EKB" or "ETJ_BU"
                or "AUTO_EKB" or "MOBDOK_HT" or "STRUKDOK" or "GPS_LARM" or "NATT_KAM_FH":
                var a = y(code switch { "NATT_KAM" => "NATT_KAM_AO", "TILLSYN_DAG" => "TILLSYN_DAG_FH", _ => code });
                for (var i = 0; i < a.Length; i++)
                {
                    counted[i] = a[i] >= 0;
                    matched[i] = a[i] == 1;
                }

                return Kind.Share;
            case "NATT_BADA" or "NATT_NAGON" or "ETJ_NAGON":
                var (p, q) = code == "ETJ_NAGON" ? (y("ETJ_EKB"), y("ETJ_BU")) : (y("NATT_KAM_AO"), y("NATT_KAM_FH"));
                for (var i = 0; i < p.Length; i++)
                {
                    counted[i] = p[i] >= 0 && q[i] >= 0;
                    matched[i] = counted[i] && (code == "NATT_BADA" ? p[i] == 1 && q[i] == 1 : p[i] == 1 || q[i] == 1);
                }

                return Kind.Share;
            case "STYRNING":
                var (plan, pers, kval) = (y("DIGPLAN"), y("PERSRES"), y("KVAL_LS"));
                for (var i = 0; i < plan.Length; i++)
                {
                    counted[i] = plan[i] >= 0 && pers[i] >= 0 && kval[i] >= 0;
                    matched[i] = plan[i] == 1 && pers[i] == 1 && kval[i] == 1;
                }

                return Kind.Share;
            case "SAKERHET":
                var (sakid, hsl) = (y("SAKID"), y("SAKID_HSL"));
                for (var i = 0; i < sakid.Length; i++)
                {
                    counted[i] = sakid[i] >= 0;
                    matched[i] = counted[i] && sakid[i] == 1 && hsl[i] == 1;
                }

                return Kind.Share;
            case "TRYGG_DIG_HALV":
                for (var i = 0; i < antal.Length; i++)
                {
                    counted[i] = !double.IsNaN(antal[i]) && !double.IsNaN(digitala[i]);
                    matched[i] = counted[i] && antal[i] != 0 && digitala[i] / antal[i] > 0.5;
                }

                return Kind.Share;
            case "TRYGG_BLAND" or "TRYGG_ANALOG_EJ" or "TRYGG_HELDIG":
                for (var i = 0; i < heldig.Length; i++)
                {
                    counted[i] = heldig[i] >= 0;
                    matched[i] = code switch { "TRYGG_BLAND" => heldig[i] is 0 or 1, "TRYGG_ANALOG_EJ" => heldig[i] is 0 or 1, _ => heldig[i] == 0 };
                }

                return Kind.Share;
            case "TRYGG_DIG":
                for (var i = 0; i < antal.Length; i++)
                {
                    counted[i] = matched[i] = !double.IsNaN(antal[i]) && !double.IsNaN(digitala[i]);
                    (amount[i], below[i]) = counted[i] ? (digitala[i], antal[i]) : (0, 0);
                }

                return Kind.Ratio;
            case "TRYGG_MEDEL" or "TRYGG_MEDIAN" or "TRYGG_SUMMA" or "TRYGG_ANALOGA":
                var values = code == "TRYGG_SUMMA" ? digitala : antal;
                for (var i = 0; i < values.Length; i++)
                {
                    var value = code == "TRYGG_ANALOGA" ? antal[i] - digitala[i] : values[i];
                    counted[i] = matched[i] = !double.IsNaN(value);
                    amount[i] = counted[i] ? value : 0;
                }

                return code switch { "TRYGG_MEDEL" => Kind.Mean, "TRYGG_MEDIAN" => Kind.Median, _ => Kind.Sum };
            default:
                var digplan = y("DIGPLAN");
                for (var i = 0; i < antal.Length; i++)
                {
                    var value = antal[i] == 0 ? double.NaN : 100 * digitala[i] / antal[i];
                    counted[i] = matched[i] = digplan[i] == 1 && !double.IsNaN(value);
                    amount[i] = counted[i] ? value : 0;
                }

                return Kind.Mean;
        }
    }

    private static void Add(double[] totals, int at, bool counted, bool matched, double amount, double below)
    {
        totals[at] += counted ? 1 : 0;
        totals[at + 1] += matched ? 1 : 0;
        totals[at + 2] += amount;
        totals[at + 3] += below;
    }

    private static double? Coverage(int members, int? expected) =>
        expected is > 0 ? Math.Round((double)members / expected.Value, 6, MidpointRounding.AwayFromZero) : null;

    private static CalculatedValue Row(string code, Kind kind, string level, string area, string name, double[] totals, int at, int members, int? expected,
        double? coverage, double? median)
    {
        var (count, match, sum, under) = (totals[at], totals[at + 1], totals[at + 2], totals[at + 3]);
        var (numerator, denominator, value) = kind switch
        {
            Kind.Share => (match, count, count == 0 ? (double?)null : 100.0 * match / count),
            Kind.Mean => (sum, count, count == 0 ? null : sum / count),
            Kind.Median => (median ?? 0, count, median),
            Kind.Ratio => (sum, under, under == 0 ? null : 100.0 * sum / under),
            _ => (sum, count, count == 0 ? null : sum),
        };
        var roundedDenominator = Math.Round(denominator, 6, MidpointRounding.AwayFromZero);
        var quality = coverage < 0.6 ? "low_coverage" : roundedDenominator < 5 ? "small_denominator" : null;
        return new CalculatedValue(code, level, area, name, value is { } v ? Math.Round(v, 6, MidpointRounding.AwayFromZero) : null,
            Math.Round(numerator, 6, MidpointRounding.AwayFromZero), roundedDenominator, members, expected, coverage, quality);
    }

    private static double? Median(List<double>? values)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
