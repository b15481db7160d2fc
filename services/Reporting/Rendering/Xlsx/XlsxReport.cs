using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;

namespace VisionEHalsa.Reporting.Rendering.Xlsx;

/// <summary>
/// The report's tables as a workbook, a sheet per table. Numbers are numbers (values with the one decimal the
/// report publishes), so the sheets can be filtered, summed and charted without conversion.
/// </summary>
public static class XlsxReport
{
    public static byte[] Render(ReportContent report)
    {
        var names = report.Indicators.ToDictionary(i => i.Code, i => i.Name, StringComparer.Ordinal);
        return XlsxWriter.Write(
        [
            Sheet("Om rapporten", About(report)),
            Sheet("Sammanfattning", report.Findings.Sentences(report).Select(s => Row(("Iakttagelse", s))).ToList(), "Iakttagelse"),
            Sheet("Nyckeltal", report.Indicators.Select(Indicator).ToList()),
            Sheet("Län", Areas(report, i => i.Lan, "Länskod", "Län", (code, name) => name)),
            Sheet("Kommungrupper", Areas(report, i => i.Kommungrupper, "Kommungrupp", "Namn", Kommungrupper.Label)),
            Sheet("Organisationer", Areas(report, i => i.Organisations, "Organisation", "Namn", (code, name) => name)),
            Sheet("Tidsserier", report.Indicators.SelectMany(i => i.Series.Select(p => Row(("Kod", i.Code), ("Nyckeltal", i.Name), ("År", p.Year), ("Riket", Published(p.Value))))).ToList()),
            Sheet("Svarsfrekvens", ResponseRates(report)),
            Sheet("Definitioner", report.Indicators.Select(i => Row(
                ("Kod", i.Code), ("Nyckeltal", i.Name), ("Typ", ReportWording.Kind(i.Description)), ("Enhet", i.Description.Unit),
                ("Högre är bättre", i.Description.HigherIsBetter ? "ja" : "nej"), ("Täljare", i.Description.Numerator), ("Nämnare", ReportWording.Denominator(i.Description)))).ToList()),
            Sheet("Ändringar", Changes(report, names)),
        ]);
    }

    /// <summary>A sheet whose header is the first row's columns (or <paramref name="empty"/> when it has none).</summary>
    private static XlsxSheet Sheet(string name, List<(string Column, object? Value)[]> rows, params string[] empty) =>
        new(name, rows.Count > 0 ? [.. rows[0].Select(c => c.Column)] : empty, [.. rows.Select(r => r.Select(c => c.Value).ToArray())]);

    private static List<(string Column, object? Value)[]> About(ReportContent report)
    {
        var facts = new List<(string, object?)>
        {
            ("Rapport", ReportContent.Title), ("År", report.Year), ("Utgåva", report.Edition), ("Framtagen", SwedishText.DateTime(report.GeneratedAt)),
        };
        if (report.IsDemo)
        {
            facts.Add(("OBS", $"{ReportContent.DemoNotice}. {ReportWording.DemoText(report)}"));
        }

        facts.Add(("Strategiperiod", report.Period?.Title ?? "ingen"));
        facts.Add(("Enkätomgångar", string.Join(", ", report.Rounds.Select(r => r.RoundId))));
        facts.Add(("Svarande organisationer", report.Responses));
        facts.Add(("Förväntade organisationer", report.Expected));
        facts.Add(("Svarsfrekvens (%)", report.Expected is { } e and > 0 ? Published(100.0 * report.Responses / e) : null));
        facts.Add(("Jämförd med utgåva", report.Changes.Since));
        facts.Add(("Anmärkning", $"Värden med färre än {SummaryFindings.SmallDenominator} organisationer i nämnaren är markerade med * i kolumnen Anm."));
        return facts.Select(f => Row(("Uppgift", f.Item1), ("Värde", f.Item2))).ToList();
    }

    private static (string Column, object? Value)[] Indicator(ReportIndicator i) => Row(
        ("Kod", i.Code), ("Nyckeltal", i.Name), ("Inriktningsmål", i.Target?.Goal), ("Enhet", i.Description.Unit),
        ("Riket", Published(i.National?.Value)), ("Föregående år", Published(i.Previous)), ("Förändring", Published(i.Change)),
        ("Mål", i.Target?.TargetValue), ("Målår", i.Target?.TargetYear), ("Status", ReportWording.Status(i)),
        ("Täljare", i.National?.Numerator), ("Nämnare", i.National?.Denominator), ("Svarande", i.National?.Respondents),
        ("Anm.", Flag(i.National)));

    private static List<(string Column, object? Value)[]> Areas(
        ReportContent report, Func<ReportIndicator, IReadOnlyList<IndicatorValue>> values, string codeHeader, string nameHeader, Func<string, string, string> name) =>
        report.Indicators.SelectMany(i => values(i).Select(v => Row(
            ("Kod", i.Code), ("Nyckeltal", i.Name), (codeHeader, v.Area), (nameHeader, name(v.Area, v.AreaName)),
            ("Värde", Published(v.Value)), ("Täljare", v.Numerator), ("Nämnare", v.Denominator), ("Svarande", v.Respondents),
            ("Riket", Published(i.National?.Value)), ("Anm.", Flag(v))))).ToList();

    private static List<(string Column, object? Value)[]> ResponseRates(ReportContent report) =>
        report.Rounds.SelectMany(r => r.Lan.Prepend(r.Overall).Select(a => Row(
            ("Enkätomgång", r.RoundId), ("Område", a.Name), ("Förväntade", a.Expected), ("Svarande", a.Respondents),
            ("Svarsfrekvens (%)", a.Rate is { } rate ? Published(100 * rate) : null), ("Anm.", a.IsLow ? "låg svarsfrekvens" : null)))).ToList();

    private static List<(string Column, object? Value)[]> Changes(ReportContent report, Dictionary<string, string> names) =>
        report.Changes.Changes.Count == 0
            ? [Row(("Ändring", report.Changes.Since is null ? "Årets första utgåva." : ReportWording.ChangesText(report.Changes)))]
            : report.Changes.Changes.Select(c => Row(
                ("Kod", c.Indicator), ("Nyckeltal", names.GetValueOrDefault(c.Indicator, c.Indicator)), ("Nivå", ReportWording.Level(c.Level)),
                ("Område", c.Area), ("Namn", ReportWording.Area(c.Level, c.Area, c.AreaName)), ("Före", c.From), ("Efter", c.To),
                ("Förändring", c.Delta), ("Ändring", ReportWording.ChangeKind(c.Kind)))).ToList();

    private static string? Flag(IndicatorValue? value) =>
        value is not null && value.Denominator < SummaryFindings.SmallDenominator ? $"* färre än {SummaryFindings.SmallDenominator} i nämnaren" : null;

    private static double? Published(double? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;

    private static (string Column, object? Value)[] Row(params (string Column, object? Value)[] cells) => cells;
}
