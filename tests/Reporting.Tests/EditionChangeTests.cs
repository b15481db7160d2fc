using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static VisionEHalsa.Reporting.Tests.TestData;

namespace VisionEHalsa.Reporting.Tests;

[Collection(ReportingCollection.Name)]
public sealed class EditionChangeTests(ReportingHost host)
{
    [Fact]
    public async Task An_edition_lists_exactly_the_values_that_moved_since_the_previous_one()
    {
        var year = NewYear();
        var round = NewRound();
        var first = DateTimeOffset.UtcNow;
        await host.Bus.Publish(Calculation(year, round, first, 10,
            Riket("DIGPLAN", 7, 10), Lan("DIGPLAN", "01", "Stockholms län", 3, 4), Lan("DIGPLAN", "03", "Uppsala län", 2, 3), Riket("PERSRES", 1, 4)));
        var one = await host.EditionAsync(year, 1);

        // DIGPLAN riket moves, Uppsala disappears, Södermanland appears; Stockholm and PERSRES (1/4 → 2/8) keep their values.
        await host.Bus.Publish(Calculation(year, round, first.AddMinutes(1), 11,
            Riket("DIGPLAN", 8, 11), Lan("DIGPLAN", "01", "Stockholms län", 3, 4), Lan("DIGPLAN", "04", "Södermanlands län", 1, 2), Riket("PERSRES", 2, 8)));
        var two = await host.EditionAsync(year, 2);

        Assert.Null(one["changesSince"]);
        Assert.Empty(one["changes"]!.AsArray());
        Assert.Equal(1, (int)two["changesSince"]!);
        Assert.Equal(
            [
                "DIGPLAN riket SE 70 → 72.7 (2.7) changed",
                "DIGPLAN lan 03 66.7 → – (–) removed",
                "DIGPLAN lan 04 – → 50 (–) added",
            ],
            two["changes"]!.AsArray().Select(c => Describe(c!.AsObject())));
        var listed = await host.Kansli.GetFromJsonAsync<JsonArray>($"/api/v1/reports?year={year}");
        Assert.Equal([3, 0], listed!.Select(e => (int)e!["changeCount"]!));
        var text = await host.PdfTextAsync($"/api/v1/reports/{year}/editions/2.pdf");
        Assert.Contains("Ändringar sedan utgåva 1", text);
        Assert.Contains("Jämfört med utgåva 1 har 1 värde ändrats, 1 tillkommit och 1 försvunnit.", text);
    }

    [Fact]
    public async Task The_latest_metadata_carries_the_changes_of_the_latest_edition()
    {
        var year = NewYear();
        var round = NewRound();
        var first = DateTimeOffset.UtcNow;
        await host.Bus.Publish(Calculation(year, round, first, 4, Riket("DIGPLAN", 1, 4)));
        await host.EditionAsync(year, 1);

        await host.Bus.Publish(Calculation(year, round, first.AddMinutes(1), 5, Riket("DIGPLAN", 2, 5)));

        var latest = await host.LatestAsync(year, e => (int)e["edition"]! == 2);
        var change = Assert.Single(latest["changes"]!.AsArray())!.AsObject();
        Assert.Equal("DIGPLAN", (string)change["indicator"]!);
        Assert.Equal(25.0, (double)change["from"]!);
        Assert.Equal(40.0, (double)change["to"]!);
        Assert.Equal(15.0, (double)change["delta"]!);
        Assert.Equal("Riket", (string)change["areaName"]!);
    }

    private static string Describe(JsonObject change) =>
        $"{change["indicator"]} {change["level"]} {change["area"]} {Number(change["from"])} → {Number(change["to"])} ({Number(change["delta"])}) {change["kind"]}";

    private static string Number(JsonNode? node) =>
        node is null ? "–" : ((double)node).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
