using static VisionEHalsa.Reporting.Tests.TestData;

namespace VisionEHalsa.Reporting.Tests;

[Collection(ReportingCollection.Name)]
public sealed class SummaryTests(ReportingHost host)
{
    [Fact]
    public async Task The_report_names_the_largest_improvement_since_the_year_before()
    {
        var year = NewYear();
        await host.Bus.Publish(Calculation(year, NewRound(), DateTimeOffset.UtcNow, 10, Riket("DIGPLAN", 7, 10), Riket("PERSRES", 6, 10)));
        await host.EditionAsync(year, 1);

        // The earlier year arrives later: the report's series and its comparison change, so a new edition follows.
        await host.Bus.Publish(Calculation(year - 1, NewRound(), DateTimeOffset.UtcNow, 10, Riket("DIGPLAN", 5, 10), Riket("PERSRES", 5, 10)));
        await host.EditionAsync(year, 2);

        var text = await host.PdfTextAsync($"/api/v1/reports/{year}/editions/2.pdf");
        Assert.Contains($"Störst förbättring sedan {year - 1}: Styrande dokument för digitalisering, från 50,0 % till 70,0 % (+20,0 procentenheter).", text);
        Assert.Contains($"Därefter Personalresurser för e-hälsa, välfärdsteknik (+10,0 procentenheter).", text);
        Assert.Contains($"Inget nyckeltal har försämrats sedan {year - 1}.", text);
        Assert.Contains($"Riket {year - 1}–{year}", text);
        var first = await host.PdfTextAsync($"/api/v1/reports/{year}/editions/1.pdf");
        Assert.Contains($"Det finns inga värden för {year - 1} att jämföra med", first);
    }
}
