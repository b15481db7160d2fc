using static VisionEHalsa.Reporting.Tests.TestData;

namespace VisionEHalsa.Reporting.Tests;

[Collection(ReportingCollection.Name)]
public sealed class StrategyTests(ReportingHost host)
{
    [Fact]
    public async Task A_strategy_change_regenerates_with_the_new_target()
    {
        var year = NewYear();
        await host.Bus.Publish(Calculation(year, NewRound(), DateTimeOffset.UtcNow, 10, Riket("DIGPLAN", 7, 10)));
        await host.EditionAsync(year, 1);
        Assert.EndsWith(",70.0,7,10,10,", (await host.CsvAsync($"/api/v1/reports/{year}/latest.csv")).Split("\r\n")[1]);

        var version = NextStrategyVersion();
        await host.Bus.Publish(Strategy(version, Period(year - 1, year + 1, 80)));

        var edition = await host.EditionAsync(year, 2);
        Assert.Equal(version, (int)edition["basedOn"]!["strategyVersion"]!);
        Assert.EndsWith(",70.0,7,10,10,80", (await host.CsvAsync($"/api/v1/reports/{year}/editions/2.csv")).Split("\r\n")[1]);
        var text = await host.PdfTextAsync($"/api/v1/reports/{year}/editions/2.pdf");
        Assert.Contains("Inriktningsmål 4: Utveckling och digital transformation i samverkan", text);
        Assert.Contains($"80,0 % till {year + 1}", text);
        Assert.Contains("0 av 1 nyckeltal med kvantifierat mål har nått sitt mål", text);
    }

    [Fact]
    public async Task A_strategy_change_to_another_period_gives_no_new_edition()
    {
        var untouched = NewYear();
        var changed = untouched + 5;
        await host.Bus.Publish(Calculation(untouched, NewRound(), DateTimeOffset.UtcNow, 4, Riket("DIGPLAN", 2, 4)));
        await host.Bus.Publish(Calculation(changed, NewRound(), DateTimeOffset.UtcNow, 4, Riket("DIGPLAN", 3, 4)));
        await host.EditionAsync(untouched, 1);
        await host.EditionAsync(changed, 1);
        var before = NextStrategyVersion();
        await host.Bus.Publish(Strategy(before, Period(changed, changed, 50)));
        await host.LatestAsync(changed, e => (int)e["basedOn"]!["strategyVersion"]! == before);
        var untouchedEdition = (int)(await host.LatestAsync(untouched, _ => true))["edition"]!;

        var after = NextStrategyVersion();
        await host.Bus.Publish(Strategy(after, Period(changed, changed, 60)));

        // Years are regenerated in ascending order, so once the later year shows the change the earlier one has been considered.
        await host.LatestAsync(changed, e => (int)e["basedOn"]!["strategyVersion"]! == after);
        var latest = await host.LatestAsync(untouched, _ => true);
        Assert.Equal(untouchedEdition, (int)latest["edition"]!);
        Assert.NotEqual(after, (int)latest["basedOn"]!["strategyVersion"]!);
    }
}
