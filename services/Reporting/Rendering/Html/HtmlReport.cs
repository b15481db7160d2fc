using System.Text;
using SkiaSharp;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Rendering.Charts;

namespace VisionEHalsa.Reporting.Rendering.Html;

/// <summary>A column of an HTML table; numeric columns are right-aligned with even digits.</summary>
public sealed record HtmlColumn(string Header, bool Numeric = false);

/// <summary>
/// The report as one self-contained HTML file: inline CSS, inline SVG charts, no scripts and nothing fetched,
/// so it can be mailed, archived and read offline. Same content and order as the PDF.
/// </summary>
public static partial class HtmlReport
{
    public static byte[] Render(ReportContent report)
    {
        var html = new StringBuilder(256 * 1024);
        var title = $"{ReportContent.Title} – {report.Year}, utgåva {report.Edition}";
        html.Append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Escape(title)).Append("</title>\n<style>\n").Append(HtmlStyles.Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        Header(html, report);
        Contents(html, report);
        Summary(html, report);
        Changes(html, report);
        Chapters(html, report);
        Method(html, report);
        Appendix(html, report);
        About(html, report);
        html.Append("</main>\n</body>\n</html>\n");
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html.ToString());
    }

    private static void Header(StringBuilder html, ReportContent report)
    {
        html.Append("<header>\n<h1>").Append(HtmlText.Escape(ReportContent.Title)).Append("</h1>\n")
            .Append("<p class=\"meta\">").Append(HtmlText.Escape($"År {report.Year} · Utgåva {report.Edition}")).Append("</p>\n");
        Paragraph(html, $"Framtagen {SwedishText.Date(report.GeneratedAt)}. Utgåvan ändras inte; nya svar och ändringar i strategin ger en ny utgåva.", "note");
        if (report.IsDemo)
        {
            html.Append("<div class=\"demo\" role=\"note\"><strong>").Append(HtmlText.Escape(ReportContent.DemoNotice)).Append("</strong>")
                .Append(HtmlText.Escape(ReportWording.DemoText(report))).Append("</div>\n");
        }

        if (report.Vision is { } vision)
        {
            html.Append("<blockquote>").Append(HtmlText.Escape($"”{vision}”")).Append("</blockquote>\n");
        }

        html.Append("</header>\n");
    }

    private static void Contents(StringBuilder html, ReportContent report)
    {
        html.Append("<nav class=\"toc\" aria-label=\"Innehåll\">\n<h2>Innehåll</h2>\n<ol>\n");
        Entry(html, "sammanfattning", "Sammanfattning");
        if (report.Changes.Since is { } since)
        {
            Entry(html, "andringar", $"Ändringar sedan utgåva {since}");
        }

        foreach (var chapter in report.Chapters)
        {
            Entry(html, $"mal-{chapter.Goal.Code}", GoalHeading(chapter.Goal), chapter.Indicators);
        }

        if (report.Others.Count > 0)
        {
            Entry(html, "ovriga", "Övriga nyckeltal", report.Others);
        }

        Entry(html, "metod", "Metod och svarsfrekvens");
        if (report.Lan.Count > 0)
        {
            Entry(html, "bilaga-lan", "Bilaga: Resultat per län");
        }

        if (report.Kommungrupper.Count > 0)
        {
            Entry(html, "bilaga-kommungrupp", "Bilaga: Resultat per kommungrupp");
        }

        html.Append("</ol>\n</nav>\n");
    }

    private static void Entry(StringBuilder html, string anchor, string text, IReadOnlyList<ReportIndicator>? indicators = null)
    {
        html.Append("<li><a href=\"#").Append(anchor).Append("\">").Append(HtmlText.Escape(text)).Append("</a>");
        if (indicators is { Count: > 0 })
        {
            html.Append("<ol>");
            foreach (var indicator in indicators)
            {
                html.Append("<li><a href=\"#nyckeltal-").Append(HtmlText.Escape(indicator.Code)).Append("\">").Append(HtmlText.Escape(indicator.Name)).Append("</a></li>");
            }

            html.Append("</ol>");
        }

        html.Append("</li>\n");
    }

    private static void Summary(StringBuilder html, ReportContent report)
    {
        html.Append("<section id=\"sammanfattning\">\n<h2>Sammanfattning</h2>\n");
        Paragraph(html, ReportWording.Introduction(report));
        Paragraph(html, ReportWording.PeriodText(report));
        Paragraph(html, $"Det senaste svaret som ingår togs emot {SwedishText.Date(report.Rounds.Max(r => r.Calculation.BasedOn.Watermark))}.", "note");
        html.Append("<h3>Viktigaste iakttagelser</h3>\n<ul class=\"findings\">\n");
        foreach (var sentence in report.Findings.Sentences(report).Append(report.Changes.Since is null ? "Det här är årets första utgåva." : ReportWording.ChangesText(report.Changes)))
        {
            html.Append("<li>").Append(HtmlText.Escape(sentence)).Append("</li>\n");
        }

        html.Append("</ul>\n");
        var overview = IndicatorCharts.Overview(report);
        if (overview.Bars.Count > 1)
        {
            html.Append("<div class=\"overview\">").Append(Svg(360, BarChart.HeightFor(overview.Bars.Count, 18), overview.Title, overview.Draw)).Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static void Changes(StringBuilder html, ReportContent report)
    {
        if (report.Changes.Since is not { } since)
        {
            return;
        }

        html.Append("<section id=\"andringar\">\n<h2>").Append(HtmlText.Escape($"Ändringar sedan utgåva {since}")).Append("</h2>\n");
        Paragraph(html, ReportWording.ChangesText(report.Changes));
        if (report.Changes.Changes.Count > 0)
        {
            var names = report.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
            Table(html, [new("Nyckeltal"), new("Riket", true), new("Ändrade värden: län / kommungrupper / organisationer", true)],
                report.Changes.Changes.GroupBy(c => c.Indicator).Select(g => (IReadOnlyList<string>)
                [
                    names.TryGetValue(g.Key, out var i) ? i.Name : g.Key,
                    g.FirstOrDefault(c => c.Level == IndicatorLevels.Riket) is { } riket ? $"{Value(riket.From, names, g.Key)} → {Value(riket.To, names, g.Key)}" : "oförändrat",
                    $"{Count(g, IndicatorLevels.Lan)} / {Count(g, IndicatorLevels.Kommungrupp)} / {Count(g, IndicatorLevels.Organisation)}",
                ]));
            html.Append("<details><summary>").Append(HtmlText.Escape($"Alla {SwedishText.Count(report.Changes.Changes.Count, "ändring", "ändringar")} med före- och eftervärde")).Append("</summary>\n");
            ChangeTable(html, report.Changes.Changes, names);
            html.Append("</details>\n");
        }

        html.Append("</section>\n");
    }

    private static void ChangeTable(StringBuilder html, IEnumerable<ValueChange> changes, IReadOnlyDictionary<string, ReportIndicator> names) =>
        Table(html, [new("Nyckeltal"), new("Nivå"), new("Område"), new("Före", true), new("Efter", true), new("Förändring", true)],
            changes.Select(c => (IReadOnlyList<string>)
            [
                names.TryGetValue(c.Indicator, out var i) ? i.Name : c.Indicator, ReportWording.Level(c.Level), ReportWording.Area(c.Level, c.Area, c.AreaName),
                Value(c.From, names, c.Indicator), Value(c.To, names, c.Indicator), c.Delta is { } d ? SwedishText.Signed(d) : ReportWording.ChangeKind(c.Kind),
            ]));

    private static string Count(IEnumerable<ValueChange> changes, string level) =>
        SwedishText.Number(changes.Count(c => c.Level == level));

    private static string Value(double? value, IReadOnlyDictionary<string, ReportIndicator> indicators, string code) =>
        indicators.TryGetValue(code, out var indicator) ? SwedishText.Value(value, indicator.Description)
            : value is { } v ? SwedishText.Decimal(v) : SwedishText.NoValue;

    private static string GoalHeading(StrategyGoal goal) => $"Inriktningsmål {goal.Code}: {goal.Title}";

    private static void Paragraph(StringBuilder html, string text, string? cssClass = null) =>
        html.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(HtmlText.Escape(text)).Append("</p>\n");

    private static void Table(StringBuilder html, IReadOnlyList<HtmlColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<div class=\"table\"><table>\n<thead><tr>");
        foreach (var column in columns)
        {
            html.Append(column.Numeric ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">").Append(HtmlText.Escape(column.Header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < columns.Count; c++)
            {
                html.Append(columns[c].Numeric ? "<td class=\"num\">" : "<td>").Append(HtmlText.Escape(row[c])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>
    /// A chart drawn in a box about the size it has on the PDF page; the page scales it to its column, which
    /// makes the 6–8 point labels a readable 11–15 pixels on a screen.
    /// </summary>
    private static string Svg(float width, float height, string title, Action<IChartCanvas, SKRect> draw)
    {
        using var svg = new SvgChartCanvas(width, height, title);
        draw(svg, new SKRect(4, 4, width - 4, height - 4));
        return svg.ToSvg();
    }
}
