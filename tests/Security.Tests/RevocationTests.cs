using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionEHalsa.Security.Tests;

/// <summary>A disabled client's tokens stop working within their lifetime, at the gateway and at every service reached directly.</summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class RevocationTests(SecuredPlatform platform)
{
    [Fact]
    public async Task A_disabled_clients_token_stops_working_at_the_gateway_and_directly_at_every_service()
    {
        var admin = await platform.ThroughGatewayAsync("admin");
        var id = "revoked-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await admin.PostAsJsonAsync("/api/v1/clients", new { clientId = id, role = "partner", organisationIds = new[] { SecuredPlatform.OwnOrganisation } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("clientSecret").GetString()!;
        var token = await platform.TokenAsync(id, secret);
        var targets = new List<(string Where, Uri Address, string Path)> { ("gateway", platform.Gateway, "/api/v1/strategy") };
        targets.AddRange(EndpointTable.All
            .Where(c => c.Endpoint.Process != "gateway" && c.Access == Access.Authenticated && c.Endpoint.Method == "GET" && !c.Endpoint.Path.Contains('{'))
            .GroupBy(c => c.Endpoint.Process)
            .Select(g => (g.Key, platform.Processes.Address(g.Key), g.First().Endpoint.Path)));
        foreach (var (where, address, path) in targets)
        {
            using var client = SecuredPlatform.Client(address, token);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }

        var disabledAt = DateTime.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/clients/{id}/disable", null)).StatusCode);

        foreach (var (where, address, path) in targets)
        {
            using var client = SecuredPlatform.Client(address, token);
            await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.Unauthorized,
                $"{where} still takes the disabled client's token", TimeSpan.FromSeconds(30));
        }

        // Well within the token's 15 minutes: the gateway's cache (5 s) plus the services' poll (5 s), with room for a slow machine.
        Assert.True(DateTime.UtcNow - disabledAt < TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecuredPlatform.RequestTokenAsync(platform.Gateway, id, secret)).StatusCode);
    }

    [Fact]
    public async Task The_list_services_poll_names_disabled_clients_only_by_hash()
    {
        using var anonymous = SecuredPlatform.Client(platform.Gateway, null);

        var response = await anonymous.GetAsync("/internal/revoked-clients");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.All(JsonDocument.Parse(text).RootElement.GetProperty("clients").EnumerateArray(), c => Assert.Matches("^[0-9a-f]{64}$", c.GetString()));
        Assert.DoesNotContain("revoked-", text);
    }
}
