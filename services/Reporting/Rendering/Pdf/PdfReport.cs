using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Rendering.Charts;

namespace VisionEHalsa.Reporting.Rendering.Pdf;

/// <summary>
/// The follow-up report as a PDF, in Swedish: title page with contents, summary, changes since the previous
/// edition, a chapter per goal area with a section per indicator, method and response rates, and an appendix
/// of tables per län and kommungrupp.
/// </summary>
public static partial class PdfReport
{
    public static byte[] Render(ReportContent report)
    {
        using var pdf = new PdfFlow($"{ReportContent.Title} – {report.Year}, utgåva {report.Edition}");
        TitlePage(pdf, report);
        pdf.PageBreak();
        Summary(pdf, report);
        Changes(pdf, report);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chapter in report.Chapters)
        {
            Chapter(pdf, report, chapter, shown);
        }

        Others(pdf, report, shown);
        Method(pdf, report);
        Appendix(pdf, report);
        AboutEdition(pdf, report);
        var footer = $"{ReportContent.Title} · {report.Year} · Utgåva {report.Edition}" + (report.IsDemo ? $" · {ReportContent.DemoNotice}" : string.Empty);
        return pdf.Finish(footer, report.GeneratedAt);
    }

    private static void TitlePage(PdfFlow pdf, ReportContent report)
    {
        pdf.Heading(ReportContent.Title, 1);
        pdf.Strong($"År {report.Year} · Utgåva {report.Edition}");
        pdf.Note($"Framtagen {SwedishText.Date(report.GeneratedAt)}. Utgåvan ändras inte; nya svar och ändringar i strategin ger en ny utgåva.");
        pdf.Space(8);
        if (report.IsDemo)
        {
            pdf.Banner(ReportContent.DemoNotice, ReportWording.DemoText(report));
        }

        if (report.Vision is { } vision)
        {
            pdf.Quote($"”{vision}”");
        }

        pdf.Heading("Innehåll", 3);
        pdf.Contents(Contents(report));
    }

    private static List<ContentsEntry> Contents(ReportContent report)
    {
        var entries = new List<ContentsEntry> { new("sammanfattning", "Sammanfattning", 2) };
        if (report.Changes.Since is { } since)
        {
            entries.Add(new("andringar", $"Ändringar sedan utgåva {since}", 2));
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chapter in report.Chapters)
        {
            entries.Add(new($"mal-{chapter.Goal.Code}", GoalHeading(chapter.Goal), 2));
            entries.AddRange(chapter.Indicators.Where(i => listed.Add(i.Code)).Select(i => new ContentsEntry($"nyckeltal-{i.Code}", i.Name, 3)));
        }

        if (report.Others.Count > 0)
        {
            entries.Add(new("ovriga", "Övriga nyckeltal", 2));
            entries.AddRange(report.Others.Where(i => listed.Add(i.Code)).Select(i => new ContentsEntry($"nyckeltal-{i.Code}", i.Name, 3)));
        }

        entries.Add(new("metod", "Metod och svarsfrekvens", 2));
        if (report.Lan.Count > 0)
        {
            entries.Add(new("bilaga-lan", "Bilaga: Resultat per län", 2));
        }

        if (report.Kommungrupper.Count > 0)
        {
            entries.Add(new("bilaga-kommungrupp", "Bilaga: Resultat per kommungrupp", 2));
        }

        entries.Add(new("om", "Om utgåvan", 2));
        return entries;
    }

    private static void Summary(PdfFlow pdf, ReportContent report)
    {
        pdf.Heading("Sammanfattning", 2, "sammanfattning");
        pdf.Paragraph(ReportWording.Introduction(report));
        pdf.Paragraph(ReportWording.PeriodText(report));
        pdf.Note($"Det senaste svaret som ingår togs emot {SwedishText.Date(report.Rounds.Max(r => r.Calculation.BasedOn.Watermark))}.");
        pdf.Space(4);
        pdf.Strong("Viktigaste iakttagelser");
        pdf.Space(2);
        foreach (var sentence in report.Findings.Sentences(report))
        {
            pdf.Bullet(sentence);
        }

        pdf.Bullet(report.Changes.Since is null ? "Det här är årets första utgåva." : ReportWording.ChangesText(report.Changes));
        var overview = IndicatorCharts.Overview(report);
        if (overview.Bars.Count > 1)
        {
            pdf.Space(6);
            pdf.Drawing(BarChart.HeightFor(overview.Bars.Count, 17), (canvas, box) =>
            {
                using var chart = new SkiaChartCanvas(canvas);
                overview.Draw(chart, box);
            });
        }

    }

    private static readonly PdfColumn[] ChangeColumns =
    [
        new("Nyckeltal", 50), new("Riket", 22, AlignRight: true), new("Ändrade värden: län / kommungrupper / organisationer", 28, AlignRight: true),
    ];

    /// <summary>Per indicator: how riket moved and how many values moved at each other level; the full list is in the XLSX and the metadata.</summary>
    private static void Changes(PdfFlow pdf, ReportContent report)
    {
        if (report.Changes.Since is not { } since)
        {
            return;
        }

        pdf.Heading($"Ändringar sedan utgåva {since}", 2, "andringar");
        pdf.Paragraph(ReportWording.ChangesText(report.Changes));
        if (report.Changes.Changes.Count == 0)
        {
            return;
        }

        var names = report.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        pdf.Table(ChangeColumns, report.Changes.Changes.GroupBy(c => c.Indicator).Select(g => (IReadOnlyList<string>)
        [
            names.TryGetValue(g.Key, out var i) ? i.Name : g.Key,
            g.FirstOrDefault(c => c.Level == IndicatorLevels.Riket) is { } riket ? $"{Value(riket.From, names, g.Key)} → {Value(riket.To, names, g.Key)}" : "oförändrat",
            $"{Count(g, IndicatorLevels.Lan)} / {Count(g, IndicatorLevels.Kommungrupp)} / {Count(g, IndicatorLevels.Organisation)}",
        ]).ToList());
        pdf.Note("Ändrade värden räknar värden som ändrats, tillkommit eller försvunnit. Varje ändring med före- och eftervärde finns i XLSX-filen (bladet Ändringar) och i utgåvans metadata.");
    }

    private static string Count(IEnumerable<ValueChange> changes, string level) =>
        SwedishText.Number(changes.Count(c => c.Level == level));

    private static string Value(double? value, IReadOnlyDictionary<string, ReportIndicator> indicators, string code) =>
        indicators.TryGetValue(code, out var indicator) ? SwedishText.Value(value, indicator.Description)
            : value is { } v ? SwedishText.Decimal(v) : SwedishText.NoValue;

    private static string GoalHeading(StrategyGoal goal) => $"Inriktningsmål {goal.Code}: {goal.Title}";
}
