using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Rendering;

namespace VisionEHalsa.Reporting.Content;

/// <summary>
/// The key findings of a year, worked out from its values: what improved and declined most since the year
/// before, which targets are met, how many targets have no number, how complete the survey is, and what
/// to read with care.
/// </summary>
public sealed record SummaryFindings(
    bool HasPreviousYear,
    IReadOnlyList<ReportIndicator> Improvements,
    IReadOnlyList<ReportIndicator> Declines,
    IReadOnlyList<StrategyTarget> Targets,
    IReadOnlyList<ReportIndicator> Met,
    IReadOnlyList<ReportIndicator> NotMet,
    IReadOnlyList<StrategyTarget> WithoutNumber,
    IReadOnlyList<AreaRate> LowCoverage,
    IReadOnlyList<IndicatorValue> SmallDenominators)
{
    /// <summary>Below this many organisations in the denominator a value is flagged for care.</summary>
    public const int SmallDenominator = 5;

    private const int Named = 3;
    private const int NamedAreas = 5;

    public static SummaryFindings Of(ReportContent content)
    {
        // Shares are ranked together in percentage points; counts and means in other units are not comparable with them.
        var comparable = content.Indicators.Where(i => i.IsPercent && i.Improvement is not null).ToList();
        var targets = (content.Period?.Targets ?? []).Select(t => t.Indicator).Distinct()
            .Select(code => ReportContent.TargetFor(content.Period, code, content.Year)!).ToList();
        return new SummaryFindings(
            content.Indicators.Any(i => i.Previous is not null),
            comparable.Where(i => Math.Round(i.Improvement!.Value, 1) > 0).OrderByDescending(i => i.Improvement).Take(Named).ToList(),
            comparable.Where(i => Math.Round(i.Improvement!.Value, 1) < 0).OrderBy(i => i.Improvement).Take(Named).ToList(),
            targets,
            content.Indicators.Where(i => i.Status == TargetStatus.Met).ToList(),
            content.Indicators.Where(i => i.Status == TargetStatus.NotMet).ToList(),
            targets.Where(t => t.TargetValue is null).ToList(),
            content.Rounds.SelectMany(r => r.Lan).Where(a => a.IsLow).ToList(),
            content.Indicators.SelectMany(i => i.Kommungrupper.Concat(i.Lan).Prepend(i.National))
                .OfType<IndicatorValue>().Where(v => v.Denominator < SmallDenominator).ToList());
    }

    /// <summary>"Gotlands län (15 nyckeltal) och A1 Storstäder (2 nyckeltal)": where the small denominators are.</summary>
    public string SmallDenominatorAreas()
    {
        var areas = SmallDenominators.GroupBy(v => (v.Level, v.Area, v.AreaName))
            .OrderBy(g => g.Key.Level == IndicatorLevels.Riket ? 0 : g.Key.Level == IndicatorLevels.Lan ? 1 : 2).ThenBy(g => g.Key.Area, StringComparer.Ordinal)
            .Select(g => $"{Rendering.ReportWording.Area(g.Key.Level, g.Key.Area, g.Key.AreaName)} ({SwedishText.Count(g.Count(), "nyckeltal", "nyckeltal")})")
            .ToList();
        return areas.Count <= 10 ? SwedishText.List(areas) : $"{string.Join(", ", areas.Take(10))} och {areas.Count - 10} områden till";
    }

    /// <summary>The findings as sentences, in the order the summary lists them.</summary>
    public IReadOnlyList<string> Sentences(ReportContent content)
    {
        var sentences = new List<string>();
        if (content.Expected is { } expected and > 0)
        {
            sentences.Add($"Svarsfrekvensen är {SwedishText.Percent((double)content.Responses / expected)}: {SwedishText.Number(content.Responses)} av {SwedishText.Number(expected)} förväntade organisationer har svarat.");
        }

        if (LowCoverage.Count is > 0 and <= NamedAreas)
        {
            var lan = LowCoverage.Select(a => $"{a.Name} ({SwedishText.Percent(a.Rate!.Value)})").ToList();
            sentences.Add($"Svarsfrekvensen är under {SwedishText.Percent(AreaRate.LowCoverage)} i {SwedishText.Count(lan.Count, "län", "län")}: {SwedishText.List(lan)}.");
        }
        else if (LowCoverage.Count > NamedAreas)
        {
            var all = content.Rounds.Sum(r => r.Lan.Count);
            sentences.Add($"Svarsfrekvensen är under {SwedishText.Percent(AreaRate.LowCoverage)} i {LowCoverage.Count} av {all} län; se Svarsfrekvens per län i kapitlet Metod och svarsfrekvens.");
        }

        sentences.AddRange(Movements(content.Year - 1));
        sentences.AddRange(TargetSentences(content));
        if (SmallDenominators.Count > 0)
        {
            sentences.Add($"{SwedishText.Count(SmallDenominators.Count, "värde", "värden")} för riket, län eller kommungrupper bygger på färre än {SmallDenominator} organisationer i nämnaren och är markerade med * i tabeller och diagram; läs dem med försiktighet.");
        }

        return sentences;
    }

    private IEnumerable<string> Movements(int previousYear)
    {
        if (!HasPreviousYear)
        {
            yield return $"Det finns inga värden för {previousYear} att jämföra med, så rapporten redovisar inga förändringar sedan föregående år.";
            yield break;
        }

        yield return Improvements.Count == 0
            ? $"Inget nyckeltal har förbättrats sedan {previousYear}."
            : $"Störst förbättring sedan {previousYear}: {Movement(Improvements[0])}.{Then(Improvements)}";
        yield return Declines.Count == 0
            ? $"Inget nyckeltal har försämrats sedan {previousYear}."
            : $"Störst försämring sedan {previousYear}: {Movement(Declines[0])}.{Then(Declines)}";
    }

    private IEnumerable<string> TargetSentences(ReportContent content)
    {
        if (content.Period is null)
        {
            yield break;
        }

        if (Targets.Count == 0)
        {
            yield return "Strategiperioden sätter inga mål för nyckeltalen.";
            yield break;
        }

        var quantified = Targets.Count - WithoutNumber.Count;
        if (quantified > 0)
        {
            var met = Met.Count == 0 ? string.Empty : $": {SwedishText.List(Met.Select(i => i.Name).ToList())}";
            yield return $"{Met.Count} av {quantified} nyckeltal med kvantifierat mål har nått sitt mål{met}.";
            if (NotMet.Count > 0)
            {
                yield return $"Ej uppnått: {SwedishText.List(NotMet.Select(i => $"{i.Name} ({SwedishText.Value(i.National?.Value, i.Description)} mot målet {SwedishText.Target(i.Target, i.Description)})").ToList())}.";
            }
        }

        if (WithoutNumber.Count > 0)
        {
            yield return WithoutNumber.Count == Targets.Count
                ? $"Inget av strategins {Targets.Count} mål för nyckeltalen har ett kvantifierat värde ({SwedishText.NoTarget}); nyckeltalen kan bara följas som utveckling över tid."
                : $"{WithoutNumber.Count} av strategins {Targets.Count} mål för nyckeltalen saknar ett kvantifierat värde ({SwedishText.NoTarget}); de kan bara följas som utveckling över tid.";
        }
    }

    private static string Movement(ReportIndicator indicator) =>
        $"{indicator.Name}, från {SwedishText.Value(indicator.Previous, indicator.Description)} till {SwedishText.Value(indicator.National?.Value, indicator.Description)} ({SwedishText.Change(indicator.Change, indicator.Description)})";

    private static string Then(IReadOnlyList<ReportIndicator> ranked) =>
        ranked.Count < 2 ? string.Empty
            : $" Därefter {SwedishText.List(ranked.Skip(1).Select(i => $"{i.Name} ({SwedishText.Change(i.Change, i.Description)})").ToList())}.";
}
