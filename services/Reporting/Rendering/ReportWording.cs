using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;

namespace VisionEHalsa.Reporting.Rendering;

/// <summary>The Swedish words every format uses for the same thing, so the PDF, HTML and XLSX agree.</summary>
public static class ReportWording
{
    public static string Label(ReportIndicator indicator) => $"{indicator.Name} ({indicator.Code})";

    public static string Status(ReportIndicator indicator) => indicator.Status switch
    {
        TargetStatus.Met => "uppnått",
        TargetStatus.NotMet => "ej uppnått",
        TargetStatus.NoNumber => SwedishText.NoTarget,
        TargetStatus.NoValue => "värde saknas",
        _ => "inget mål i strategin",
    };

    public static string Target(ReportIndicator indicator) =>
        indicator.Target is null ? "–" : SwedishText.Target(indicator.Target, indicator.Description);

    /// <summary>"80,0 % till 2026: ej uppnått", "inget kvantifierat mål", "inget mål i strategin".</summary>
    public static string TargetAndStatus(ReportIndicator indicator) =>
        indicator.Status is TargetStatus.NoNumber or TargetStatus.None ? Status(indicator) : $"{Target(indicator)}: {Status(indicator)}";

    public static string Level(string level) => level switch
    {
        IndicatorLevels.Riket => "Riket",
        IndicatorLevels.Lan => "Län",
        IndicatorLevels.Kommungrupp => "Kommungrupp",
        IndicatorLevels.Organisation => "Organisation",
        _ => level,
    };

    /// <summary>The area as a reader knows it: "Riket", "Stockholms län", "B3 Större stad", "Kiruna".</summary>
    public static string Area(string level, string area, string areaName) =>
        level == IndicatorLevels.Kommungrupp ? Kommungrupper.Label(area, areaName) : areaName;

    public static string Kind(IndicatorDescription indicator) => indicator.Kind switch
    {
        "share" => "Andel",
        "mean" => "Medelvärde",
        "median" => "Median",
        "sum" => "Summa",
        "ratio" => "Kvot av summor",
        _ => indicator.Kind,
    };

    public static string Denominator(IndicatorDescription indicator) =>
        string.IsNullOrWhiteSpace(indicator.Denominator) ? "de som svarat på täljarens frågor" : indicator.Denominator;

    /// <summary>The value with "*" when it rests on fewer than five organisations.</summary>
    public static string Flagged(IndicatorValue value, IndicatorDescription indicator) =>
        SwedishText.Value(value.Value, indicator) + (value.Denominator < SummaryFindings.SmallDenominator ? " *" : string.Empty);

    public static string Rounds(ReportContent content) =>
        content.Rounds.Count == 1 ? $"enkätomgången {content.Rounds[0].RoundId}" : $"{content.Rounds.Count} enkätomgångar";

    public static string Introduction(ReportContent content) =>
        $"{SwedishText.Organisations(content.Responses)} har lämnat svar i {Rounds(content)}. Rapporten redovisar {content.Indicators.Count} nyckeltal för {content.Year}, för riket, per län och per kommungrupp.";

    public static string PeriodText(ReportContent content)
    {
        if (content.Period is not { } period)
        {
            return "Året ingår inte i någon strategiperiod, så nyckeltalen redovisas utan koppling till inriktningsmål.";
        }

        var years = period.Title.Contains(period.From.ToString(System.Globalization.CultureInfo.InvariantCulture)) ? string.Empty : $" ({period.From}–{period.To})";
        return $"Året ingår i {period.Title}{years} med {period.Goals.Count} inriktningsmål.";
    }

    public static string DemoText(ReportContent content) =>
        $"{SwedishText.List(content.Rounds.Where(r => r.RoundId.StartsWith(ReportContent.DemoRoundPrefix, StringComparison.Ordinal)).Select(r => r.RoundId).ToList())} innehåller syntetiska svar som plattformen skapat för att visa hur rapporten ser ut. Värdena beskriver inga verkliga kommuner och får inte användas som uppföljning.";

    public static string ChangesText(EditionChanges changes)
    {
        var counts = changes.Changes.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        int Of(string kind) => counts.GetValueOrDefault(kind);
        return changes.Changes.Count == 0
            ? $"Inga publicerade värden har ändrats jämfört med utgåva {changes.Since}; den nya utgåvan beror på ändrade underlag, till exempel strategin eller tidigare års värden."
            : $"Jämfört med utgåva {changes.Since} har {SwedishText.Count(Of(ChangeKinds.Changed), "värde", "värden")} ändrats, {SwedishText.Number(Of(ChangeKinds.Added))} tillkommit och {SwedishText.Number(Of(ChangeKinds.Removed))} försvunnit.";
    }

    public static string ChangeKind(string kind) => kind switch
    {
        ChangeKinds.Added => "nytt",
        ChangeKinds.Removed => "borttaget",
        _ => "ändrat",
    };
}
