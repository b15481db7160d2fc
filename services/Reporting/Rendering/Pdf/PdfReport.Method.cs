using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;

namespace VisionEHalsa.Reporting.Rendering.Pdf;

public static partial class PdfReport
{
    private static readonly PdfColumn[] RoundColumns =
    [
        new("Enkätomgång", 18), new("Enkät", 24), new("Svar", 9, AlignRight: true), new("Förväntade", 13, AlignRight: true),
        new("Svarsfrekvens", 16, AlignRight: true), new("Senaste svar", 20, AlignRight: true),
    ];

    private static readonly PdfColumn[] RateColumns =
    [
        new("Län", 40), new("Förväntade", 15, AlignRight: true), new("Svarande", 15, AlignRight: true),
        new("Svarsfrekvens", 16, AlignRight: true), new("Anm.", 14),
    ];

    private static readonly PdfColumn[] DefinitionColumns =
    [
        new("Nyckeltal", 42), new("Typ", 12), new("Täljare", 23), new("Nämnare", 23),
    ];

    private static void Method(PdfFlow pdf, ReportContent report)
    {
        pdf.PageBreak();
        pdf.Heading("Metod och svarsfrekvens", 2, "metod");
        pdf.Paragraph("Nyckeltalen beräknas av plattformens indikatortjänst ur de svar som tagits emot i årets enkätomgångar. Varje nytt svar, varje rättelse och varje ändring i strategin ger en ny utgåva av rapporten inom några sekunder.");
        pdf.TableSection("Enkätomgångar", 3, RoundColumns, report.Rounds.Select(r => (IReadOnlyList<string>)
        [
            r.RoundId, r.Round?.QuestionnaireId ?? r.Calculation.QuestionnaireId, SwedishText.Number(r.Overall.Respondents),
            r.Overall.Expected is { } e ? SwedishText.Number(e) : "okänt", r.Overall.Rate is { } rate ? SwedishText.Percent(rate) : SwedishText.NoValue,
            SwedishText.Date(r.Calculation.BasedOn.Watermark),
        ]).ToList());
        foreach (var round in report.Rounds.Where(r => r.Lan.Count > 0))
        {
            var heading = report.Rounds.Count == 1 ? "Svarsfrekvens per län" : $"Svarsfrekvens per län, {round.RoundId}";
            pdf.TableSection(heading, 3, RateColumns, round.Lan.Select(a => (IReadOnlyList<string>)
            [
                a.Name, a.Expected is { } e ? SwedishText.Number(e) : "okänt", SwedishText.Number(a.Respondents),
                a.Rate is { } rate ? SwedishText.Percent(rate) : SwedishText.NoValue, a.IsLow ? "låg" : string.Empty,
            ]).ToList());
        }

        if (report.Rounds.Any(r => r.Overall.Expected is null))
        {
            pdf.Note("För omgångar markerade ”okänt” har rapporttjänsten inte fått veta hur många organisationer omgången vänder sig till, så svarsfrekvensen kan inte beräknas.");
        }

        pdf.Heading("Kvalitetsmarkeringar", 3);
        pdf.Paragraph($"Svarsfrekvens under {SwedishText.Percent(AreaRate.LowCoverage)} i ett län markeras som låg: länets värden kan då skilja sig från vad alla kommuner i länet skulle ha gett. Värden som bygger på färre än {SummaryFindings.SmallDenominator} organisationer i nämnaren markeras med * i tabeller och diagram; ett enda svar flyttar dem många procentenheter.");
        var flagged = report.Findings.SmallDenominators;
        pdf.Paragraph(flagged.Count == 0
            ? $"Inget värde för riket, län eller kommungrupper bygger i år på färre än {SummaryFindings.SmallDenominator} organisationer."
            : $"I år gäller det {SwedishText.Count(flagged.Count, "värde", "värden")}: {report.Findings.SmallDenominatorAreas()}. De är markerade med * i bilagornas tabeller.");
        pdf.Paragraph("Förbättringar och försämringar i sammanfattningen jämförs i procentenheter mellan nyckeltal som är andelar, i den riktning som är bättre för nyckeltalet. Ett mål räknas som uppnått när rikets värde har nått målvärdet.");

        pdf.TableSection("Definitioner", 3, DefinitionColumns, report.Indicators.Select(i => (IReadOnlyList<string>)
        [
            ReportWording.Label(i), ReportWording.Kind(i.Description) + (string.IsNullOrWhiteSpace(i.Description.Unit) ? string.Empty : $" ({i.Description.Unit.Trim()})"),
            i.Description.Numerator, ReportWording.Denominator(i.Description),
        ]).ToList());
    }

    private static void Appendix(PdfFlow pdf, ReportContent report)
    {
        AreaMatrix(pdf, report, report.Lan, "bilaga-lan", "Bilaga: Resultat per län", "Län", i => i.Lan, a => $"{a.Name} ({a.Code})");
        AreaMatrix(pdf, report, report.Kommungrupper, "bilaga-kommungrupp", "Bilaga: Resultat per kommungrupp", "Kommungrupp", i => i.Kommungrupper,
            a => Kommungrupper.ShortLabel(a.Code, a.Name));
    }

    private const int MatrixColumns = 8;

    /// <summary>
    /// Every value of a level in one or two compact tables: an area per row, an indicator (by code) per column,
    /// riket first for comparison. Numerators and denominators are in the XLSX and CSV files.
    /// </summary>
    private static void AreaMatrix(
        PdfFlow pdf, ReportContent report, IReadOnlyList<ReportArea> areas, string anchor, string heading, string areaHeader,
        Func<ReportIndicator, IReadOnlyList<IndicatorValue>> values, Func<ReportArea, string> label)
    {
        if (areas.Count == 0)
        {
            return;
        }

        pdf.PageBreak();
        pdf.Heading(heading, 2, anchor);
        pdf.Note($"Kolumnerna är nyckeltalens koder; namn och definitioner står under Definitioner i kapitlet Metod och svarsfrekvens. * färre än {SummaryFindings.SmallDenominator} organisationer i nämnaren. Täljare, nämnare och antal svarande per område finns i XLSX- och CSV-filerna.");
        foreach (var chunk in report.Indicators.Chunk(MatrixColumns))
        {
            var lookup = chunk.Select(i => values(i).ToDictionary(v => v.Area, StringComparer.Ordinal)).ToList();
            PdfColumn[] columns = [new(areaHeader, 22), .. chunk.Select(i => new PdfColumn(i.Code, 78f / MatrixColumns, AlignRight: true))];
            var rows = areas.Select(area => (IReadOnlyList<string>)
                [
                    label(area),
                    .. chunk.Select((indicator, c) => lookup[c].TryGetValue(area.Code, out var value) ? ReportWording.Flagged(value, indicator.Description) : SwedishText.NoValue),
                ])
                .Prepend(["Riket", .. chunk.Select(i => SwedishText.Value(i.National?.Value, i.Description))])
                .ToList();
            pdf.EnsureRoom(pdf.TableHeight(columns, rows, compact: true));
            pdf.Table(columns, rows, compact: true);
        }
    }

    private static void AboutEdition(PdfFlow pdf, ReportContent report)
    {
        pdf.Heading("Om utgåvan", 2, "om");
        foreach (var round in report.Rounds)
        {
            var calculation = round.Calculation;
            pdf.Note($"Enkätomgång {calculation.RoundId}: beräkning {calculation.CalculationId}, {SwedishText.Organisations(calculation.BasedOn.Responses)}, beräknad {SwedishText.DateTime(calculation.CalculatedAt)}.");
        }

        pdf.Note(report.Period is null ? "Ingen strategiperiod omfattar året." : $"Mål och inriktningsmål enligt {report.Period.Title}.");
        if (report.IsDemo)
        {
            pdf.Note($"{ReportContent.DemoNotice}: {ReportWording.DemoText(report)}");
        }
    }
}
