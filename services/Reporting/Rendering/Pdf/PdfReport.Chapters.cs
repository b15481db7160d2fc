using SkiaSharp;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Rendering.Charts;

namespace VisionEHalsa.Reporting.Rendering.Pdf;

public static partial class PdfReport
{
    private const float ChartRow = 9;
    private const float ChartFrame = 34;
    private const float SeriesHeight = 105;

    private static void Chapter(PdfFlow pdf, ReportContent report, GoalChapter chapter, HashSet<string> shown)
    {
        // A goal area's heading stays with its first indicator; the contents point at the page.
        pdf.EnsureRoom(80 + (chapter.Indicators.Count > 0 ? SectionHeight(chapter.Indicators[0]) : 0));
        pdf.Heading(GoalHeading(chapter.Goal), 2, $"mal-{chapter.Goal.Code}");
        if (!string.IsNullOrWhiteSpace(chapter.Goal.Description))
        {
            pdf.Note(chapter.Goal.Description);
        }

        if (chapter.Indicators.Count == 0)
        {
            pdf.Paragraph($"Inga nyckeltal med värden för {report.Year} är kopplade till inriktningsmålet.");
        }

        foreach (var indicator in chapter.Indicators)
        {
            Indicator(pdf, report, indicator, shown.Add(indicator.Code));
        }

        if (chapter.WithoutValue.Count > 0)
        {
            pdf.Note($"Nyckeltal med mål under inriktningsmålet men utan värde för {report.Year}: {string.Join(", ", chapter.WithoutValue)}.");
        }
    }

    private static void Others(PdfFlow pdf, ReportContent report, HashSet<string> shown)
    {
        if (report.Others.Count == 0)
        {
            return;
        }

        pdf.EnsureRoom(80 + SectionHeight(report.Others[0]));
        pdf.Heading("Övriga nyckeltal", 2, "ovriga");
        pdf.Note(report.Period is null ? "Nyckeltalen är inte kopplade till något inriktningsmål." : "Nyckeltal som inget inriktningsmål i strategiperioden har mål för.");
        foreach (var indicator in report.Others)
        {
            Indicator(pdf, report, indicator, shown.Add(indicator.Code));
        }
    }

    private static PdfColumn[] FactColumns(int year) =>
    [
        new($"Riket {year}", 15, AlignRight: true), new($"Förändring sedan {year - 1}", 25, AlignRight: true), new("Mål och status", 37),
        new("Täljare / nämnare", 23, AlignRight: true),
    ];

    /// <summary>An indicator's section: its figures in one row, then its series and its spread over län and kommungrupper.</summary>
    private static void Indicator(PdfFlow pdf, ReportContent report, ReportIndicator indicator, bool first)
    {
        var charts = ChartsHeight(indicator);
        pdf.EnsureRoom(SectionHeight(indicator));
        pdf.Heading(ReportWording.Label(indicator), 3, first ? $"nyckeltal-{indicator.Code}" : null);
        pdf.Table(FactColumns(report.Year),
        [
            [
                indicator.National is { } national ? ReportWording.Flagged(national, indicator.Description) : SwedishText.NoValue,
                SwedishText.Change(indicator.Change, indicator.Description),
                ReportWording.TargetAndStatus(indicator),
                indicator.National is { } n ? SwedishText.Fraction(n) : SwedishText.NoValue,
            ],
        ]);
        pdf.Drawing(charts, (canvas, box) => DrawCharts(canvas, box, indicator));
        if (indicator.Lan.Concat(indicator.Kommungrupper).Any(IndicatorCharts.IsUncertain))
        {
            pdf.Note($"* färre än {SummaryFindings.SmallDenominator} organisationer i nämnaren; läs värdet med försiktighet. Streckad linje: riket.");
        }
    }

    /// <summary>Heading, figures and charts: what must fit for an indicator's section to start on this page.</summary>
    private static float SectionHeight(ReportIndicator indicator) => 90 + ChartsHeight(indicator);

    private static float ChartsHeight(ReportIndicator indicator)
    {
        var groups = indicator.Kommungrupper.Count * ChartRow + ChartFrame;
        return indicator.Lan.Count > 0
            ? Math.Max(indicator.Lan.Count * ChartRow + ChartFrame, indicator.Kommungrupper.Count > 0 ? SeriesHeight + 12 + groups : SeriesHeight)
            : Math.Max(SeriesHeight, groups);
    }

    /// <summary>Län on the left, the series and the kommungrupper stacked on the right; without län, side by side.</summary>
    private static void DrawCharts(SKCanvas canvas, SKRect box, ReportIndicator indicator)
    {
        using var chart = new SkiaChartCanvas(canvas);
        var series = IndicatorCharts.Series(indicator);
        if (indicator.Lan.Count > 0)
        {
            var split = box.Left + box.Width * 0.5f;
            IndicatorCharts.Lan(indicator).Draw(chart, new SKRect(box.Left, box.Top, split - 10, box.Bottom));
            var middle = indicator.Kommungrupper.Count > 0 ? box.Top + SeriesHeight : box.Bottom;
            series.Draw(chart, new SKRect(split + 10, box.Top, box.Right, middle));
            if (indicator.Kommungrupper.Count > 0)
            {
                IndicatorCharts.Kommungrupper(indicator).Draw(chart, new SKRect(split + 10, middle + 12, box.Right, box.Bottom));
            }

            return;
        }

        var half = box.Left + box.Width / 2;
        series.Draw(chart, new SKRect(box.Left, box.Top, half - 10, box.Bottom));
        if (indicator.Kommungrupper.Count > 0)
        {
            IndicatorCharts.Kommungrupper(indicator).Draw(chart, new SKRect(half + 10, box.Top, box.Right, box.Bottom));
        }
    }
}
