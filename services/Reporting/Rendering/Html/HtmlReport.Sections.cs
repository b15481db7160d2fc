using System.Text;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Rendering.Charts;

namespace VisionEHalsa.Reporting.Rendering.Html;

public static partial class HtmlReport
{
    private static void Chapters(StringBuilder html, ReportContent report)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chapter in report.Chapters)
        {
            html.Append("<section id=\"mal-").Append(HtmlText.Escape(chapter.Goal.Code)).Append("\">\n<h2>").Append(HtmlText.Escape(GoalHeading(chapter.Goal))).Append("</h2>\n");
            if (!string.IsNullOrWhiteSpace(chapter.Goal.Description))
            {
                Paragraph(html, chapter.Goal.Description, "note");
            }

            if (chapter.Indicators.Count == 0)
            {
                Paragraph(html, $"Inga nyckeltal med värden för {report.Year} är kopplade till inriktningsmålet.");
            }

            foreach (var indicator in chapter.Indicators)
            {
                Indicator(html, report, indicator, shown.Add(indicator.Code));
            }

            if (chapter.WithoutValue.Count > 0)
            {
                Paragraph(html, $"Nyckeltal med mål under inriktningsmålet men utan värde för {report.Year}: {string.Join(", ", chapter.WithoutValue)}.", "note");
            }

            html.Append("</section>\n");
        }

        if (report.Others.Count > 0)
        {
            html.Append("<section id=\"ovriga\">\n<h2>Övriga nyckeltal</h2>\n");
            Paragraph(html, report.Period is null ? "Nyckeltalen är inte kopplade till något inriktningsmål." : "Nyckeltal som inget inriktningsmål i strategiperioden har mål för.", "note");
            foreach (var indicator in report.Others)
            {
                Indicator(html, report, indicator, shown.Add(indicator.Code));
            }

            html.Append("</section>\n");
        }
    }

    private static void Indicator(StringBuilder html, ReportContent report, ReportIndicator indicator, bool first)
    {
        html.Append(first ? $"<article id=\"nyckeltal-{HtmlText.Escape(indicator.Code)}\">" : "<article>")
            .Append("\n<h3>").Append(HtmlText.Escape(ReportWording.Label(indicator))).Append("</h3>\n");
        Table(html,
            [new($"Riket {report.Year}", true), new($"Förändring sedan {report.Year - 1}", true), new("Mål och status"), new("Täljare / nämnare", true)],
            [[
                indicator.National is { } national ? ReportWording.Flagged(national, indicator.Description) : SwedishText.NoValue,
                SwedishText.Change(indicator.Change, indicator.Description),
                ReportWording.TargetAndStatus(indicator),
                indicator.National is { } n ? SwedishText.Fraction(n) : SwedishText.NoValue,
            ]]);
        html.Append("<div class=\"charts\">\n");
        var series = IndicatorCharts.Series(indicator);
        html.Append(Svg(240, 115, series.Title, series.Draw)).Append('\n');
        if (indicator.Kommungrupper.Count > 0)
        {
            var groups = IndicatorCharts.Kommungrupper(indicator);
            html.Append(Svg(240, BarChart.HeightFor(groups.Bars.Count, 10), groups.Title, groups.Draw)).Append('\n');
        }

        if (indicator.Lan.Count > 0)
        {
            var lan = IndicatorCharts.Lan(indicator);
            html.Append(Svg(240, BarChart.HeightFor(lan.Bars.Count, 10), lan.Title, lan.Draw)).Append('\n');
        }

        html.Append("</div>\n");
        if (indicator.Lan.Concat(indicator.Kommungrupper).Any(IndicatorCharts.IsUncertain))
        {
            Paragraph(html, $"* färre än {SummaryFindings.SmallDenominator} organisationer i nämnaren; läs värdet med försiktighet. Streckad linje: riket.", "note");
        }

        html.Append("</article>\n");
    }

    private static void Method(StringBuilder html, ReportContent report)
    {
        html.Append("<section id=\"metod\">\n<h2>Metod och svarsfrekvens</h2>\n");
        Paragraph(html, "Nyckeltalen beräknas av plattformens indikatortjänst ur de svar som tagits emot i årets enkätomgångar. Varje nytt svar, varje rättelse och varje ändring i strategin ger en ny utgåva av rapporten inom några sekunder.");
        html.Append("<h3>Enkätomgångar</h3>\n");
        Table(html, [new("Enkätomgång"), new("Enkät"), new("Svar", true), new("Förväntade", true), new("Svarsfrekvens", true), new("Senaste svar", true)],
            report.Rounds.Select(r => (IReadOnlyList<string>)
            [
                r.RoundId, r.Round?.QuestionnaireId ?? r.Calculation.QuestionnaireId, SwedishText.Number(r.Overall.Respondents),
                r.Overall.Expected is { } e ? SwedishText.Number(e) : "okänt", r.Overall.Rate is { } rate ? SwedishText.Percent(rate) : SwedishText.NoValue,
                SwedishText.Date(r.Calculation.BasedOn.Watermark),
            ]));
        foreach (var round in report.Rounds.Where(r => r.Lan.Count > 0))
        {
            html.Append("<h3>").Append(HtmlText.Escape(report.Rounds.Count == 1 ? "Svarsfrekvens per län" : $"Svarsfrekvens per län, {round.RoundId}")).Append("</h3>\n");
            Table(html, [new("Län"), new("Förväntade", true), new("Svarande", true), new("Svarsfrekvens", true), new("Anm.")],
                round.Lan.Select(a => (IReadOnlyList<string>)
                [
                    a.Name, a.Expected is { } e ? SwedishText.Number(e) : "okänt", SwedishText.Number(a.Respondents),
                    a.Rate is { } rate ? SwedishText.Percent(rate) : SwedishText.NoValue, a.IsLow ? "låg" : string.Empty,
                ]));
        }

        html.Append("<h3>Kvalitetsmarkeringar</h3>\n");
        Paragraph(html, $"Svarsfrekvens under {SwedishText.Percent(AreaRate.LowCoverage)} i ett län markeras som låg. Värden som bygger på färre än {SummaryFindings.SmallDenominator} organisationer i nämnaren markeras med * i tabeller och diagram. I år gäller det {SwedishText.Count(report.Findings.SmallDenominators.Count, "värde", "värden")} för riket, län eller kommungrupper" + (report.Findings.SmallDenominators.Count > 0 ? $": {report.Findings.SmallDenominatorAreas()}." : "."));
        Paragraph(html, "Förbättringar och försämringar i sammanfattningen jämförs i procentenheter mellan nyckeltal som är andelar, i den riktning som är bättre för nyckeltalet. Ett mål räknas som uppnått när rikets värde har nått målvärdet.");
        html.Append("<h3>Definitioner</h3>\n");
        Table(html, [new("Nyckeltal"), new("Typ"), new("Täljare"), new("Nämnare")],
            report.Indicators.Select(i => (IReadOnlyList<string>)
                [ReportWording.Label(i), ReportWording.Kind(i.Description), i.Description.Numerator, ReportWording.Denominator(i.Description)]));
        html.Append("</section>\n");
    }

    private static void Appendix(StringBuilder html, ReportContent report)
    {
        AreaTables(html, report, report.Lan, "bilaga-lan", "Bilaga: Resultat per län", i => i.Lan, a => $"{a.Name} ({a.Code})");
        AreaTables(html, report, report.Kommungrupper, "bilaga-kommungrupp", "Bilaga: Resultat per kommungrupp", i => i.Kommungrupper, a => Kommungrupper.Label(a.Code, a.Name));
    }

    private static void AreaTables(
        StringBuilder html, ReportContent report, IReadOnlyList<ReportArea> areas, string anchor, string heading,
        Func<ReportIndicator, IReadOnlyList<IndicatorValue>> values, Func<ReportArea, string> title)
    {
        if (areas.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"").Append(anchor).Append("\">\n<h2>").Append(HtmlText.Escape(heading)).Append("</h2>\n");
        Paragraph(html, $"Områdets värde jämfört med riket. * färre än {SummaryFindings.SmallDenominator} organisationer i nämnaren.", "note");
        foreach (var area in areas)
        {
            html.Append("<details><summary>").Append(HtmlText.Escape(title(area))).Append("</summary>\n");
            Table(html, [new("Nyckeltal"), new("Värde", true), new("Täljare / nämnare", true), new("Svarande", true), new("Riket", true)],
                report.Indicators
                    .Select(i => (Indicator: i, Value: values(i).FirstOrDefault(v => v.Area == area.Code)))
                    .Where(r => r.Value is not null)
                    .Select(r => (IReadOnlyList<string>)
                    [
                        ReportWording.Label(r.Indicator), ReportWording.Flagged(r.Value!, r.Indicator.Description), SwedishText.Fraction(r.Value!),
                        SwedishText.Number(r.Value!.Respondents), SwedishText.Value(r.Indicator.National?.Value, r.Indicator.Description),
                    ]));
            html.Append("</details>\n");
        }

        html.Append("</section>\n");
    }

    private static void About(StringBuilder html, ReportContent report)
    {
        html.Append("<footer>\n");
        foreach (var round in report.Rounds)
        {
            var calculation = round.Calculation;
            Paragraph(html, $"Enkätomgång {calculation.RoundId}: beräkning {calculation.CalculationId}, {SwedishText.Organisations(calculation.BasedOn.Responses)}, beräknad {SwedishText.DateTime(calculation.CalculatedAt)}.");
        }

        Paragraph(html, report.Period is null ? "Ingen strategiperiod omfattar året." : $"Mål och inriktningsmål enligt {report.Period.Title}.");
        Paragraph(html, $"{ReportContent.Title} · {report.Year} · Utgåva {report.Edition}" + (report.IsDemo ? $" · {ReportContent.DemoNotice}" : string.Empty));
        html.Append("</footer>\n");
    }
}
