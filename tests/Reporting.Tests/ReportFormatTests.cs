using System.Net;
using VisionEHalsa.Reporting.Rendering;
using static VisionEHalsa.Reporting.Tests.TestData;

namespace VisionEHalsa.Reporting.Tests;

[Collection(ReportingCollection.Name)]
public sealed class ReportFormatTests(ReportingHost host)
{
    [Fact]
    public async Task The_pdf_holds_each_indicator_with_its_value_and_the_response_rate_in_swedish()
    {
        var year = await PublishYearAsync();

        var text = await host.PdfTextAsync($"/api/v1/reports/{year}/latest.pdf");

        Assert.Contains("Styrande dokument för digitalisering", text);
        Assert.Contains("70,0 %", text);
        Assert.Contains("Personalresurser för e-hälsa, välfärdsteknik", text);
        Assert.Contains("61,7 %", text);
        Assert.Contains("Svarsfrekvensen är 3,4 %: 10 av 290 förväntade organisationer har svarat.", text);
        Assert.Contains("Svarsfrekvens per län", text);
        Assert.Contains("Innehåll", text);
        Assert.Contains("Metod och svarsfrekvens", text);
        Assert.Contains("DIGPLAN == true", text);
        Assert.Contains("Bilaga: Resultat per kommungrupp", text);
        Assert.Contains("B3 Större stad", text);
    }

    [Fact]
    public async Task The_xlsx_holds_each_value_as_a_number()
    {
        var year = await PublishYearAsync();

        var response = await host.Kansli.GetAsync($"/api/v1/reports/{year}/latest.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var indicators = Xlsx.Rows(workbook, "Nyckeltal");
        var lan = Xlsx.Rows(workbook, "Län");

        var digplan = indicators.Single(r => (string?)r["Kod"] == "DIGPLAN");
        Assert.Equal("Styrande dokument för digitalisering", digplan["Nyckeltal"]);
        Assert.Equal(70.0, Assert.IsType<double>(digplan["Riket"]));
        Assert.Equal(10.0, Assert.IsType<double>(digplan["Nämnare"]));
        Assert.Equal(61.7, Assert.IsType<double>(indicators.Single(r => (string?)r["Kod"] == "PERSRES")["Riket"]));
        var uppsala = lan.Single(r => (string?)r["Kod"] == "DIGPLAN" && r["Län"] as string == "Uppsala län");
        Assert.Equal(66.7, Assert.IsType<double>(uppsala["Värde"]));
    }

    [Fact]
    public async Task The_html_is_one_self_contained_page_with_each_indicator_and_its_value()
    {
        var year = await PublishYearAsync();

        var response = await host.Kansli.GetAsync($"/api/v1/reports/{year}/editions/1.html");
        var latest = await host.Kansli.GetAsync($"/api/v1/reports/{year}/latest.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", latest.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", latest.Content.Headers.ContentType.CharSet);
        var html = await latest.Content.ReadAsStringAsync();

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"sv\">", html);
        Assert.Contains("Styrande dokument för digitalisering", html);
        Assert.Contains("70,0 %", html);
        Assert.Contains("Personalresurser för e-hälsa, välfärdsteknik", html);
        Assert.Contains("61,7 %", html);
        Assert.Contains("<svg", html);
        Assert.Contains("<style>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
    }

    [Fact]
    public async Task The_csv_keeps_its_columns_and_lists_every_level()
    {
        var year = await PublishYearAsync();

        var csv = (await host.CsvAsync($"/api/v1/reports/{year}/latest.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(CsvReport.Header, csv[0]);
        Assert.Equal(["indicator", "name", "year", "level", "area", "areaName", "value", "numerator", "denominator", "respondents", "target"], csv[0].Split(','));
        Assert.Contains($"DIGPLAN,Styrande dokument för digitalisering,{year},riket,SE,Riket,70.0,7,10,10,", csv);
        Assert.Contains($"DIGPLAN,Styrande dokument för digitalisering,{year},kommungrupp,B3,B3,66.7,2,3,3,", csv);
    }

    /// <summary>A round of kommuner that expected 290 and got 10 answers; returns once the report shows its response rate.</summary>
    private async Task<int> PublishYearAsync()
    {
        var year = NewYear();
        var round = NewRound();
        await host.Bus.Publish(DemoData.Opened(round, year));
        await host.Bus.Publish(Calculation(year, round, DateTimeOffset.UtcNow, 10,
            Riket("DIGPLAN", 7, 10), Lan("DIGPLAN", "01", "Stockholms län", 3, 4), Lan("DIGPLAN", "03", "Uppsala län", 4, 6),
            Kommungrupp("DIGPLAN", "B3", 2, 3), Riket("PERSRES", 1234, 2000)));
        await Eventually.Async(async () =>
            await host.Kansli.GetAsync($"/api/v1/reports/{year}/latest.html") is { StatusCode: HttpStatusCode.OK } response
            && (await response.Content.ReadAsStringAsync()).Contains("Svarsfrekvensen är") ? true : (bool?)null);
        return year;
    }
}
