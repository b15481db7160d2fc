using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Reporting.Tests.TestData;

namespace VisionEHalsa.Reporting.Tests;

[Collection(ReportingCollection.Name)]
public sealed class PublishingTests(ReportingHost host)
{
    [Fact]
    public async Task Publishing_an_edition_marks_it_published()
    {
        var year = NewYear();
        await host.Bus.Publish(Calculation(year, NewRound(), DateTimeOffset.UtcNow, 4, Riket("DIGPLAN", 1, 4)));
        await host.EditionAsync(year, 1);

        var response = await host.Kansli.PostAsync($"/api/v1/reports/{year}/editions/1/publish", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("published", (string)published["status"]!);
        var publishedAt = (DateTimeOffset)published["publishedAt"]!;
        var stored = await host.Kansli.GetFromJsonAsync<JsonObject>($"/api/v1/reports/{year}/editions/1");
        Assert.Equal("published", (string)stored!["status"]!);
        Assert.Equal(publishedAt, (DateTimeOffset)stored["publishedAt"]!);

        var again = await host.Kansli.PostAsync($"/api/v1/reports/{year}/editions/1/publish", null);
        Assert.Equal(publishedAt, (DateTimeOffset)(await again.Content.ReadFromJsonAsync<JsonObject>())!["publishedAt"]!);
        var listed = await host.Kansli.GetFromJsonAsync<JsonArray>($"/api/v1/reports?year={year}");
        Assert.Equal("published", (string)listed!.Single()!["status"]!);
    }

    [Fact]
    public async Task Partner_cannot_publish_an_edition()
    {
        var year = NewYear();
        await host.Bus.Publish(Calculation(year, NewRound(), DateTimeOffset.UtcNow, 4, Riket("DIGPLAN", 1, 4)));
        await host.EditionAsync(year, 1);
        var partner = host.Factory.ClientWithToken(TestAuth.Partner("kommun:0180"));

        var response = await partner.PostAsync($"/api/v1/reports/{year}/editions/1/publish", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("draft", (string)(await host.Kansli.GetFromJsonAsync<JsonObject>($"/api/v1/reports/{year}/latest"))!["status"]!);
    }

    [Fact]
    public async Task An_edition_that_does_not_exist_gets_404()
    {
        var year = NewYear();

        var metadata = await host.Kansli.GetAsync($"/api/v1/reports/{year}/editions/7");
        var file = await host.Kansli.GetAsync($"/api/v1/reports/{year}/latest.pdf");
        var publish = await host.Kansli.PostAsync($"/api/v1/reports/{year}/editions/7/publish", null);

        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.Equal("application/problem+json", metadata.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
    }

    [Fact]
    public async Task The_api_document_describes_every_format_and_the_changes_of_an_edition()
    {
        var document = await host.Kansli.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/reports/{year}/latest.xlsx", document);
        Assert.Contains("/api/v1/reports/{year}/editions/{edition}.html", document);
        Assert.Contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", document);
        Assert.Contains("\"changesSince\"", document);
        Assert.Contains("\"ValueChange\"", document);
    }

    [Fact]
    public async Task Published_editions_are_open_to_anyone_and_drafts_only_to_the_kansli()
    {
        var year = NewYear();
        await host.Bus.Publish(Calculation(year, NewRound(), DateTimeOffset.UtcNow, 4, Riket("DIGPLAN", 1, 4)));
        await host.EditionAsync(year, 1);
        var anonymous = host.Factory.CreateClient();
        var partner = host.Factory.ClientWithToken(TestAuth.Partner("kommun:0180"));

        foreach (var reader in new[] { anonymous, partner })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/reports/{year}/latest")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/reports/{year}/editions/1.pdf")).StatusCode);
            Assert.Empty((await reader.GetFromJsonAsync<JsonArray>($"/api/v1/reports?year={year}"))!);
        }

        Assert.Equal(HttpStatusCode.OK, (await host.Kansli.PostAsync($"/api/v1/reports/{year}/editions/1/publish", null)).StatusCode);

        var published = await anonymous.GetAsync($"/api/v1/reports/{year}/latest.pdf");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("application/pdf", published.Content.Headers.ContentType!.MediaType);
        Assert.Equal("published", (string)(await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/reports/{year}/latest"))!["status"]!);
        Assert.Single((await anonymous.GetFromJsonAsync<JsonArray>($"/api/v1/reports?year={year}"))!);
    }
}
