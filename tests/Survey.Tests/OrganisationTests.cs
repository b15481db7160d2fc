using System.Net;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class OrganisationTests(SurveyService service)
{
    private readonly HttpClient _partner = service.ClientWithToken(TestAuth.Partner("kommun:0180"));

    [Fact]
    public async Task Organisations_lists_290_kommuner_with_lan_and_kommungrupp()
    {
        var kommuner = await ListAsync("?type=kommun");

        Assert.Equal(290, kommuner.Count);
        Assert.Equal(290, kommuner.Select(k => (string?)k!["id"]).Distinct().Count());
        Assert.All(kommuner, k => Assert.Matches("^kommun:[0-9]{4}$", (string?)k!["id"]));
        Assert.All(kommuner, k => Assert.Matches("^[ABC][1-9]$", (string?)k!["kommungrupp"]));
        Assert.All(kommuner, k => Assert.StartsWith((string)k!["lanskod"]!, ((string)k["id"]!)[7..]));
        var stockholm = kommuner.Single(k => (string?)k!["id"] == "kommun:0180")!;
        Assert.Equal("Stockholm", (string?)stockholm["name"]);
        Assert.Equal("01", (string?)stockholm["lanskod"]);
        Assert.Equal("Stockholms län", (string?)stockholm["lan"]);
        Assert.Equal("A1", (string?)stockholm["kommungrupp"]);
        var heby = kommuner.Single(k => (string?)k!["id"] == "kommun:0331")!;
        Assert.Equal("Uppsala län", (string?)heby["lan"]);
        Assert.Equal(new[] { "Göteborg", "Malmö", "Stockholm" }, kommuner.Where(k => (string?)k!["kommungrupp"] == "A1").Select(k => (string)k!["name"]!).Order());
    }

    [Fact]
    public async Task Organisations_filter_by_lan_and_list_21_regions()
    {
        var stockholmsLan = await ListAsync("?type=kommun&lan=01");
        var regioner = await ListAsync("?type=region");
        var everything = await ListAsync(string.Empty);

        Assert.Equal(26, stockholmsLan.Count);
        Assert.Equal(21, regioner.Count);
        Assert.Equal(311, everything.Count);
        Assert.All(regioner, r => Assert.Null(r!["kommungrupp"]));
        var vgr = regioner.Single(r => (string?)r!["id"] == "region:14")!;
        Assert.Equal("Västra Götalandsregionen", (string?)vgr["name"]);
        Assert.Equal("Västra Götalands län", (string?)vgr["lan"]);
    }

    [Fact]
    public async Task Organisations_need_a_token()
    {
        var response = await service.CreateClient().GetAsync("/api/v1/organisations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<JsonArray> ListAsync(string query) =>
        JsonNode.Parse(await _partner.GetStringAsync("/api/v1/organisations" + query))!.AsArray();
}
