using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Definitions;

namespace VisionEHalsa.Indicator.Tests.Calculations;

/// <summary>
/// The indicators of <see cref="RecalculationProperties"/> computed again by plain loops over plain values,
/// written without the expression language or the calculator, to hold the platform's values against.
/// </summary>
public static class PlainRecomputation
{
    public sealed record Expected(string Indicator, string Level, string Area, double? Value, double Numerator, double Denominator, int Respondents);

    private sealed record Spec(string Kind, Func<Answers, bool> Counts, Func<Answers, bool> Selects, Func<Answers, double?> Above, Func<Answers, double?> Below);

    private static readonly string[] Chosen = ["Ja, alla", "Ja, några"];

    private static readonly Dictionary<string, Spec> Specs = new()
    {
        ["PLAN"] = Share(a => a.Plan is Tri.True or Tri.False, a => a.Plan == Tri.True),
        ["GPS"] = Share(a => a.Teknik is not null, a => a.Teknik!.Contains("GPS-larm") && Chosen.Contains(a.Trygg)),
        ["HOG"] = Share(a => a.Antal is not null && a.Digitala is not null, a => a.Antal != 0 && (double)a.Digitala!.Value / a.Antal!.Value > 0.5),
        ["BLAND"] = Share(a => a.Plan is Tri.True or Tri.False || a.Teknik is not null,
            a => (a.Plan == Tri.False || (a.Teknik?.Contains("Robot") ?? false)) && a.Trygg is null),
        ["MEDEL"] = new(IndicatorKinds.Mean, _ => true, a => a.Antal is not null, a => a.Antal, _ => 0),
        ["MEDIAN"] = new(IndicatorKinds.Median, _ => true, a => a.Plan == Tri.True, a => a.Antal - a.Digitala, _ => 0),
        ["SUMMA"] = new(IndicatorKinds.Sum, _ => true, a => a.Trygg != "Nej", a => a.Digitala * 2, _ => 0),
        ["ANDEL"] = new(IndicatorKinds.Ratio, _ => true, a => a.Antal is not null, a => a.Digitala, a => a.Antal),
    };

    /// <summary>The same indicators as definitions, for the platform.</summary>
    public static IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Definition("PLAN", IndicatorKinds.Share, "DIGPLAN == true"),
        Definition("GPS", IndicatorKinds.Share, "TEKNIK contains \"GPS-larm\" and TRYGG in [\"Ja, alla\", \"Ja, några\"]", denominator: "answered(TEKNIK)"),
        Definition("HOG", IndicatorKinds.Share, "DIGITALA / ANTAL > 0.5"),
        Definition("BLAND", IndicatorKinds.Share, "(DIGPLAN == false or TEKNIK contains \"Robot\") and not answered(TRYGG)",
            denominator: "answered(DIGPLAN) or answered(TEKNIK)"),
        Definition("MEDEL", IndicatorKinds.Mean, "answered(ANTAL)", value: "ANTAL"),
        Definition("MEDIAN", IndicatorKinds.Median, "DIGPLAN == true", value: "ANTAL - DIGITALA"),
        Definition("SUMMA", IndicatorKinds.Sum, "not TRYGG == \"Nej\"", value: "DIGITALA * 2"),
        Definition("ANDEL", IndicatorKinds.Ratio, "answered(ANTAL)", value: "DIGITALA", denominatorValue: "ANTAL"),
    ];

    /// <param name="latest">The latest version of each organisation's response.</param>
    public static List<Expected> Of(IReadOnlyList<Delivery> latest)
    {
        var areas = new List<(string Level, string Area, List<Delivery> Members)> { (IndicatorLevels.Riket, "SE", [.. latest]) };
        areas.AddRange(latest.GroupBy(d => d.Organisation.Lanskod).Select(g => (IndicatorLevels.Lan, g.Key, g.ToList())));
        areas.AddRange(latest.Where(d => d.Organisation.Kommungrupp is not null).GroupBy(d => d.Organisation.Kommungrupp!)
            .Select(g => (IndicatorLevels.Kommungrupp, g.Key, g.ToList())));
        areas.AddRange(latest.Select(d => (IndicatorLevels.Organisation, d.Organisation.Id, new List<Delivery> { d })));

        var expected = new List<Expected>();
        foreach (var (code, spec) in Specs)
        {
            foreach (var (level, area, members) in areas)
            {
                expected.Add(Compute(code, spec, level, area, [.. members.Select(m => m.Answers)]));
            }
        }

        return expected;
    }

    private static Expected Compute(string code, Spec spec, string level, string area, List<Answers> members)
    {
        if (spec.Kind == IndicatorKinds.Share)
        {
            var counted = members.Where(spec.Counts).ToList();
            var matched = counted.Count(spec.Selects);
            return new(code, level, area, counted.Count == 0 ? null : 100.0 * matched / counted.Count, matched, counted.Count, members.Count);
        }

        var included = members.Where(a => spec.Selects(a) && spec.Above(a) is not null && spec.Below(a) is not null).ToList();
        var above = included.Select(a => spec.Above(a)!.Value).ToList();
        var below = included.Sum(a => spec.Below(a)!.Value);
        return spec.Kind switch
        {
            IndicatorKinds.Mean => new(code, level, area, above.Count == 0 ? null : above.Average(), above.Sum(), above.Count, members.Count),
            IndicatorKinds.Sum => new(code, level, area, above.Count == 0 ? null : above.Sum(), above.Sum(), above.Count, members.Count),
            IndicatorKinds.Median => new(code, level, area, Median(above), Median(above) ?? 0, above.Count, members.Count),
            _ => new(code, level, area, below == 0 ? null : 100.0 * above.Sum() / below, above.Sum(), below, members.Count),
        };
    }

    private static double? Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Spec Share(Func<Answers, bool> counts, Func<Answers, bool> selects) => new(IndicatorKinds.Share, counts, selects, _ => 0, _ => 0);

    private static IndicatorDefinition Definition(string code, string kind, string numerator, string? denominator = null, string? value = null, string? denominatorValue = null) =>
        new(IndicatorDefinition.IdFor(code, 1), code, 1, code, "ehalsa", kind, numerator, denominator, value, "%", true, [], DateTimeOffset.UnixEpoch, "test", denominatorValue);
}
