using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace VisionEHalsa.Security.Tests;

/// <summary>
/// API1 (object level) and API5 (function level authorization): each endpoint answers each caller as its class says,
/// at the gateway and directly at the process that serves it, so nothing depends on the gateway alone.
/// </summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class AccessTests(SecuredPlatform platform)
{
    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_class_says_at_the_gateway_and_at_its_process()
    {
        var faults = new List<string>();
        foreach (var caller in Caller.All)
        {
            var token = caller.ClientId is null ? null : await platform.TokenAsync(caller.ClientId);
            foreach (var endpoint in EndpointTable.All)
            {
                var path = Probe.PathFor(endpoint, platform.RoundId, caller.Organisation);
                var layers = new List<(string Layer, Uri Address, string Path)> { ("direct", platform.Processes.Address(endpoint.Endpoint.Process), path) };
                if (endpoint.Endpoint.Process != "gateway" && ApiInventory.GatewayPath(endpoint.Endpoint, path) is { } routed)
                {
                    layers.Add(("gateway", platform.Gateway, routed));
                }

                foreach (var (layer, address, target) in layers)
                {
                    using var client = SecuredPlatform.Client(address, token);
                    using var response = await client.SendAsync(Probe.Request(endpoint, target));
                    var expected = Probe.Expected(endpoint.Access, caller);
                    if (Probe.Actual(response.StatusCode) != expected)
                    {
                        faults.Add($"{endpoint.Endpoint.Method} {target} at {layer} ({endpoint.Endpoint.Process}) as {caller.Name}: {(int)response.StatusCode}, expected {expected}");
                    }
                }
            }
        }

        Assert.True(faults.Count == 0, $"{faults.Count} answers broke their class:\n" + string.Join("\n", faults));
    }

    [Fact]
    public async Task A_partner_bound_to_several_organisations_acts_for_each_of_them_and_for_no_other()
    {
        var norrbotten = await platform.ThroughGatewayAsync("norrbotten");

        var kiruna = await norrbotten.GetAsync($"/api/v1/rounds/{platform.RoundId}/responses/kommun:2584");
        var lulea = await norrbotten.GetAsync($"/api/v1/rounds/{platform.RoundId}/responses/kommun:2580");
        var stockholm = await norrbotten.GetAsync($"/api/v1/rounds/{platform.RoundId}/responses/{SecuredPlatform.OwnOrganisation}");
        var template = await norrbotten.GetStringAsync($"/api/v1/rounds/{platform.RoundId}/responses/template.csv");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (kiruna.StatusCode, lulea.StatusCode, stockholm.StatusCode));
        var rows = template.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(r => r.Split(',', ';')[0].Trim('"')).ToList();
        Assert.Equal(["kommun:2580", "kommun:2584"], rows.Order());
    }

    [Fact]
    public async Task Partners_import_only_their_own_rows()
    {
        var stockholm = await platform.ThroughGatewayAsync("stockholm");
        var kansli = await platform.DirectAsync("survey", "kansli");
        var csv = "organisationId,DIGPLAN\n" + SecuredPlatform.OtherOrganisation + ",true\n";

        var response = await stockholm.PostAsync($"/api/v1/rounds/{platform.RoundId}/responses/import",
            new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new("text/csv") } });

        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = summary.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal("rejected", row.GetProperty("status").GetString());
        Assert.Equal("forbidden", row.GetProperty("codes").GetProperty("organisationId")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await kansli.GetAsync($"/api/v1/rounds/{platform.RoundId}/responses/{SecuredPlatform.OtherOrganisation}")).StatusCode);
    }

    [Fact]
    public async Task Partners_see_organisation_values_only_of_their_own()
    {
        var kansli = await platform.ThroughGatewayAsync("kansli");
        foreach (var organisation in new[] { SecuredPlatform.OwnOrganisation, SecuredPlatform.OtherOrganisation })
        {
            var put = await kansli.PutAsync($"/api/v1/rounds/{platform.RoundId}/responses/{organisation}", SecuredPlatform.Json(SecuredPlatform.ValidAnswers));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var stockholm = await platform.DirectAsync("indicator", "stockholm");
        var values = $"/api/v1/indicators/values?year=2025&level=organisation";
        await Eventually.TrueAsync(async () => (await kansli.GetFromJsonAsync<JsonElement[]>(values))!
            .Any(v => v.GetProperty("area").GetString() == SecuredPlatform.OtherOrganisation), "the indicators were never recalculated");

        var asPartner = await stockholm.GetFromJsonAsync<JsonElement[]>(values);
        var otherSeries = await stockholm.GetAsync($"/api/v1/indicators/DIGPLAN/series?level=organisation&area={SecuredPlatform.OtherOrganisation}");
        var ownSeries = await stockholm.GetAsync($"/api/v1/indicators/DIGPLAN/series?level=organisation&area={SecuredPlatform.OwnOrganisation}");

        Assert.Contains(asPartner!, v => v.GetProperty("area").GetString() == SecuredPlatform.OwnOrganisation);
        Assert.All(asPartner!, v => Assert.Equal(SecuredPlatform.OwnOrganisation, v.GetProperty("area").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, otherSeries.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownSeries.StatusCode);
    }
}
