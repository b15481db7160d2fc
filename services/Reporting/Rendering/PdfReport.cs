using System.Globalization;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Reporting.Rendering;

/// <summary>The follow-up report in Swedish: summary, each goal area with its indicators and targets, then every län.</summary>
public static class PdfReport
{
    public const string Title = "Uppföljning av Vision e-hälsa 2025";

    private static readonly PdfColumn[] IndicatorColumns =
    [
        new("Nyckeltal", 36), new("Riket", 11, AlignRight: true), new("Täljare / nämnare", 20, AlignRight: true),
        new("Svarande", 11, AlignRight: true), new("Mål", 22),
    ];

    private static readonly PdfColumn[] LanColumns =
    [
        new("Nyckeltal", 43), new("Länet", 12, AlignRight: true), new("Täljare / nämnare", 20, AlignRight: true),
        new("Svarande", 11, AlignRight: true), new("Riket", 14, AlignRight: true),
    ];

    public static byte[] Render(ReportContent report)
    {
        var pdf = new PdfFlow($"{Title} – {report.Year}, utgåva {report.Edition}");
        pdf.Heading(Title, 1);
        pdf.Strong($"År {report.Year} · Utgåva {report.Edition}");
        pdf.Note($"Framtagen {SwedishText.Date(report.GeneratedAt)}. Utgåvan ändras inte; nya svar och ändringar i strategin ger en ny utgåva.");
        if (report.Vision is { } vision)
        {
            pdf.Space(6);
            pdf.Quote($"”{vision}”");
        }

        Summary(pdf, report);
        foreach (var section in report.Goals)
        {
            Goal(pdf, report, section);
        }

        if (report.Others.Count > 0)
        {
            pdf.Heading("Övriga nyckeltal", 2);
            pdf.Note(report.Period is null ? "Nyckeltalen är inte kopplade till något inriktningsmål." : "Nyckeltal som inget inriktningsmål i strategiperioden har mål för.");
            pdf.Table(IndicatorColumns, report.Others.Select(i => IndicatorRow(i, i.Target)).ToList());
        }

        PerLan(pdf, report);
        AboutEdition(pdf, report);
        return pdf.Finish($"{Title} · {report.Year} · Utgåva {report.Edition}");
    }

    private static void Summary(PdfFlow pdf, ReportContent report)
    {
        pdf.Heading("Sammanfattning", 2);
        var rounds = report.Calculations.Count == 1 ? $"enkätomgången {report.Calculations[0].RoundId}" : $"{report.Calculations.Count} enkätomgångar";
        pdf.Paragraph($"{SwedishText.Organisations(report.Responses)} har lämnat svar i {rounds}. Rapporten redovisar {report.Indicators.Count} nyckeltal för {report.Year}, för riket och per län.");
        if (report.Period is { } period)
        {
            var quantified = report.Indicators.Where(i => i.Target?.TargetValue is not null).ToList();
            var years = period.Title.Contains(period.From.ToString(CultureInfo.InvariantCulture)) ? string.Empty : $" ({period.From}–{period.To})";
            pdf.Paragraph($"Året ingår i {period.Title}{years} med {period.Goals.Count} inriktningsmål.");
            pdf.Paragraph(quantified.Count == 0
                ? "Strategin sätter inga kvantifierade mål för de redovisade nyckeltalen; de följs upp som utveckling över tid."
                : $"{quantified.Count(Reached)} av {quantified.Count} nyckeltal med kvantifierat mål har nått sitt mål.");
        }
        else
        {
            pdf.Paragraph("Året ingår inte i någon strategiperiod, så nyckeltalen redovisas utan koppling till inriktningsmål.");
        }

        var latest = report.Calculations.Max(c => c.BasedOn.Watermark);
        pdf.Note($"Det senaste svaret som ingår togs emot {SwedishText.Date(latest)}.");
    }

    private static void Goal(PdfFlow pdf, ReportContent report, GoalSection section)
    {
        pdf.Heading($"Inriktningsmål {section.Goal.Code}: {section.Goal.Title}", 2);
        if (!string.IsNullOrWhiteSpace(section.Goal.Description))
        {
            pdf.Note(section.Goal.Description);
        }

        if (section.Indicators.Count > 0)
        {
            pdf.Table(IndicatorColumns, section.Indicators.Select(s => IndicatorRow(s.Indicator, s.Target)).ToList());
        }
        else
        {
            pdf.Paragraph($"Inga nyckeltal med värden för {report.Year} är kopplade till inriktningsmålet.");
        }

        if (section.WithoutValue.Count > 0)
        {
            pdf.Note($"Utan värde för {report.Year}: {string.Join(", ", section.WithoutValue)}.");
        }
    }

    private static void PerLan(PdfFlow pdf, ReportContent report)
    {
        if (report.Lan.Count == 0)
        {
            return;
        }

        // The län tables are a reference part of their own; they start on a fresh page.
        pdf.PageBreak();
        pdf.Heading("Resultat per län", 2);
        pdf.Note("Länets värde jämfört med riket. Täljare och nämnare är antalet organisationer (eller de summerade antalen för summerade nyckeltal).");
        var indicators = report.Ordered;
        foreach (var (area, name) in report.Lan)
        {
            var rows = indicators
                .Select(i => (Indicator: i, Value: i.Values.FirstOrDefault(v => v.Level == IndicatorLevels.Lan && v.Area == area)))
                .Where(r => r.Value is not null)
                .Select(r => (IReadOnlyList<string>)
                [
                    Label(r.Indicator), SwedishText.Value(r.Value!.Value, r.Indicator.Description), SwedishText.Fraction(r.Value),
                    SwedishText.Number(r.Value.Respondents), SwedishText.Value(r.Indicator.National?.Value, r.Indicator.Description),
                ])
                .ToList();
            pdf.TableSection($"{name} ({area})", 3, LanColumns, rows);
        }
    }

    private static void AboutEdition(PdfFlow pdf, ReportContent report)
    {
        pdf.Heading("Om utgåvan", 2);
        foreach (var calculation in report.Calculations)
        {
            pdf.Note($"Enkätomgång {calculation.RoundId}: beräkning {calculation.CalculationId}, {SwedishText.Organisations(calculation.BasedOn.Responses)}, beräknad {SwedishText.Date(calculation.CalculatedAt)}.");
        }

        pdf.Note(report.Period is null ? "Ingen strategiperiod omfattar året." : $"Mål och inriktningsmål enligt {report.Period.Title}.");
    }

    private static IReadOnlyList<string> IndicatorRow(ReportIndicator indicator, StrategyTarget? target) =>
    [
        Label(indicator),
        SwedishText.Value(indicator.National?.Value, indicator.Description),
        indicator.National is { } national ? SwedishText.Fraction(national) : SwedishText.NoValue,
        indicator.National is { } n ? SwedishText.Number(n.Respondents) : SwedishText.NoValue,
        SwedishText.Target(target, indicator.Description),
    ];

    private static string Label(ReportIndicator indicator) => $"{indicator.Description.Name} ({indicator.Description.Code})";

    private static bool Reached(ReportIndicator indicator) =>
        indicator is { National.Value: { } value, Target.TargetValue: { } target }
        && (indicator.Description.HigherIsBetter ? value >= target : value <= target);
}
