using VisionEHalsa.Reporting.Content;
using static VisionEHalsa.Reporting.Tests.TestData;

namespace VisionEHalsa.Reporting.Tests;

[Collection(ReportingCollection.Name)]
public sealed class DemoRoundTests(ReportingHost host)
{
    [Fact]
    public async Task A_demo_round_is_marked_as_synthetic_in_every_format()
    {
        var year = NewYear();
        await host.Bus.Publish(Calculation(year, "demo-" + NewRound(), DateTimeOffset.UtcNow, 10, Riket("DIGPLAN", 7, 10)));
        await host.EditionAsync(year, 1);

        var pdf = await host.PdfTextAsync($"/api/v1/reports/{year}/latest.pdf");
        var html = await host.Kansli.GetStringAsync($"/api/v1/reports/{year}/latest.html");
        var about = await host.XlsxRowsAsync($"/api/v1/reports/{year}/latest.xlsx", "Om rapporten");

        Assert.Contains(ReportContent.DemoNotice, pdf);
        Assert.Contains("Värdena beskriver inga verkliga kommuner", pdf);
        Assert.Contains($"Utgåva 1 · {ReportContent.DemoNotice} Sida 1 av", pdf);
        Assert.Contains($"<div class=\"demo\" role=\"note\"><strong>{ReportContent.DemoNotice}</strong>", html);
        Assert.StartsWith(ReportContent.DemoNotice, (string)about.Single(r => (string?)r["Uppgift"] == "OBS")["Värde"]!);
    }

    [Fact]
    public async Task An_ordinary_round_carries_no_demo_notice()
    {
        var year = NewYear();
        await host.Bus.Publish(Calculation(year, NewRound(), DateTimeOffset.UtcNow, 10, Riket("DIGPLAN", 7, 10)));
        await host.EditionAsync(year, 1);

        Assert.DoesNotContain(ReportContent.DemoNotice, await host.PdfTextAsync($"/api/v1/reports/{year}/latest.pdf"));
    }
}
