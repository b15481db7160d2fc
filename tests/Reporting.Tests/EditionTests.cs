using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static VisionEHalsa.Reporting.Tests.TestData;

namespace VisionEHalsa.Reporting.Tests;

[Collection(ReportingCollection.Name)]
public sealed class EditionTests(ReportingHost host)
{
    [Fact]
    public async Task A_recalculation_produces_an_edition_in_every_format()
    {
        var year = NewYear();
        var calculation = Calculation(year, NewRound(), DateTimeOffset.UtcNow, 10, Riket("DIGPLAN", 7, 10), Lan("DIGPLAN", "01", "Stockholms län", 3, 4));

        await host.Bus.Publish(calculation);

        var edition = await host.EditionAsync(year, 1);
        Assert.Equal("draft", (string)edition["status"]!);
        Assert.Equal([calculation.CalculationId], edition.Ids());
        Assert.Equal(["pdf", "xlsx", "html", "csv"], edition["formats"]!.AsArray().Select(f => (string)f!));

        var pdf = await host.Kansli.GetAsync($"/api/v1/reports/{year}/editions/1.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"vision-ehalsa-{year}-utgava-1.pdf", pdf.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));

        var csv = await host.Kansli.GetAsync($"/api/v1/reports/{year}/latest.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", csv.Content.Headers.ContentType.CharSet);
        Assert.Equal($"vision-ehalsa-{year}-utgava-1.csv", csv.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task The_csv_has_the_exact_numbers_of_every_value()
    {
        var year = NewYear();
        await host.Bus.Publish(Calculation(year, NewRound(), DateTimeOffset.UtcNow, 10,
            Lan("DIGPLAN", "03", "Uppsala län", 2, 3), Riket("PERSRES", 0, 0), Riket("DIGPLAN", 7, 10), Lan("DIGPLAN", "01", "Stockholms län", 3, 4)));
        await host.EditionAsync(year, 1);

        var csv = await host.CsvAsync($"/api/v1/reports/{year}/editions/1.csv");

        Assert.Equal(
            [
                "indicator,name,year,level,area,areaName,value,numerator,denominator,respondents,target",
                $"DIGPLAN,Styrande dokument för digitalisering,{year},riket,SE,Riket,70.0,7,10,10,",
                $"DIGPLAN,Styrande dokument för digitalisering,{year},lan,01,Stockholms län,75.0,3,4,4,",
                $"DIGPLAN,Styrande dokument för digitalisering,{year},lan,03,Uppsala län,66.7,2,3,3,",
                $"PERSRES,\"Personalresurser för e-hälsa, välfärdsteknik\",{year},riket,SE,Riket,,0,0,0,",
            ],
            csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task The_pdf_text_has_the_indicator_name_and_the_value_in_swedish()
    {
        var year = NewYear();
        await host.Bus.Publish(Calculation(year, NewRound(), DateTimeOffset.UtcNow, 10,
            Riket("DIGPLAN", 7, 10), Lan("DIGPLAN", "01", "Stockholms län", 3, 4), Riket("PERSRES", 1234, 2000)));
        await host.EditionAsync(year, 1);

        var text = await host.PdfTextAsync($"/api/v1/reports/{year}/latest.pdf");

        Assert.Contains("Uppföljning av Vision e-hälsa 2025", text);
        Assert.Contains($"År {year} · Utgåva 1", text);
        Assert.Contains("Styrande dokument för digitalisering", text);
        Assert.Contains("70,0 %", text);
        Assert.Contains("75,0 %", text);
        Assert.Contains("61,7 %", text);
        Assert.Contains("1 234 / 2 000", text);
        Assert.Contains("10 organisationer har lämnat svar", text);
        Assert.Contains("Övriga nyckeltal", text);
        Assert.Contains("Stockholms län (01)", text);
        Assert.Contains("Sida 1 av", text);
    }

    [Fact]
    public async Task A_newer_recalculation_gives_the_next_edition()
    {
        var year = NewYear();
        var round = NewRound();
        var first = DateTimeOffset.UtcNow;
        await host.Bus.Publish(Calculation(year, round, first, 5, Riket("DIGPLAN", 3, 5)));
        await host.EditionAsync(year, 1);

        var newer = Calculation(year, round, first.AddMinutes(1), 6, Riket("DIGPLAN", 4, 6));
        await host.Bus.Publish(newer);

        var second = await host.EditionAsync(year, 2);
        Assert.Equal([newer.CalculationId], second.Ids());
        Assert.Contains(",66.7,4,6,6,", await host.CsvAsync($"/api/v1/reports/{year}/latest.csv"));
        Assert.Contains(",60.0,3,5,5,", await host.CsvAsync($"/api/v1/reports/{year}/editions/1.csv"));
        Assert.Equal(2, (int)(await host.Kansli.GetFromJsonAsync<JsonObject>($"/api/v1/reports/{year}/latest"))!["edition"]!);
    }

    [Fact]
    public async Task An_older_calculation_arriving_late_changes_nothing()
    {
        var year = NewYear();
        var round = NewRound();
        var now = DateTimeOffset.UtcNow;
        var current = Calculation(year, round, now, 12, Riket("DIGPLAN", 9, 12));
        await host.Bus.Publish(current);
        await host.EditionAsync(year, 1);

        var older = Calculation(year, round, now.AddMinutes(-5), 10, Riket("DIGPLAN", 5, 10));
        var otherRound = Calculation(year, NewRound(), now, 3, Riket("PERSRES", 1, 3));
        await host.Bus.Publish(older);
        await host.Bus.Publish(otherRound);
        await host.LatestAsync(year, e => e.Ids().Contains(otherRound.CalculationId));
        await Task.Delay(TimeSpan.FromSeconds(1));

        var editions = await host.Kansli.GetFromJsonAsync<JsonArray>($"/api/v1/reports?year={year}");
        Assert.Equal([2, 1], editions!.Select(e => (int)e!["edition"]!));
        Assert.All(editions!, e => Assert.DoesNotContain(older.CalculationId, e!.AsObject().Ids()));
        Assert.Contains(",75.0,9,12,12,", await host.CsvAsync($"/api/v1/reports/{year}/latest.csv"));
    }

    [Fact]
    public async Task A_burst_of_recalculations_gives_few_editions_and_the_last_has_the_newest()
    {
        var year = NewYear();
        var round = NewRound();
        var start = DateTimeOffset.UtcNow;
        var burst = Enumerable.Range(1, 12).Select(n => Calculation(year, round, start.AddSeconds(n), n, Riket("DIGPLAN", n / 2, n))).ToList();

        await Task.WhenAll(burst.Select(c => host.Bus.Publish(c)));

        await host.LatestAsync(year, e => e.Ids().SequenceEqual([burst[^1].CalculationId]));
        var editions = await host.Kansli.GetFromJsonAsync<JsonArray>($"/api/v1/reports?year={year}");
        Assert.InRange(editions!.Count, 1, 4);
        Assert.Contains(",50.0,6,12,12,", await host.CsvAsync($"/api/v1/reports/{year}/latest.csv"));
    }
}
