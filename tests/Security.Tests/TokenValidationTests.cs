using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace VisionEHalsa.Security.Tests;

/// <summary>API2 (broken authentication): forged, expired and malformed tokens get 401 at the gateway and directly at every process.</summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class TokenValidationTests(SecuredPlatform platform)
{
    /// <summary>Per process a protected endpoint with no parameters (or harmless ones), from the endpoint table.</summary>
    private IEnumerable<(string Layer, Uri Address, string Path)> Targets()
    {
        foreach (var process in VisionEHalsa.TestSupport.PlatformProcesses.Services.Append("gateway"))
        {
            var endpoint = EndpointTable.All
                .Where(c => c.Endpoint.Process == process && c.Endpoint.Method == "GET" && c.Access != Access.Public)
                .OrderBy(c => c.Endpoint.Path.Count(ch => ch == '{'))
                .First();
            var path = Probe.PathFor(endpoint, platform.RoundId, SecuredPlatform.OwnOrganisation);
            yield return ($"{process} directly", platform.Processes.Address(process), path);
            if (ApiInventory.GatewayPath(endpoint.Endpoint, path) is { } routed)
            {
                yield return ($"{process} through the gateway", platform.Gateway, routed);
            }
        }
    }

    [Fact]
    public async Task Forged_expired_and_malformed_tokens_get_401_everywhere()
    {
        var faults = new List<string>();
        foreach (var (kind, token) in ForgedTokens.All())
        {
            foreach (var (layer, address, path) in Targets())
            {
                using var client = SecuredPlatform.Client(address, token);
                var status = (await client.GetAsync(path)).StatusCode;
                if (status != HttpStatusCode.Unauthorized)
                {
                    faults.Add($"{kind} at {layer} {path}: {(int)status}");
                }
            }
        }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task The_same_request_with_a_valid_token_passes_everywhere()
    {
        foreach (var (layer, address, path) in Targets())
        {
            using var client = SecuredPlatform.Client(address, ForgedTokens.Valid());
            var status = (await client.GetAsync(path)).StatusCode;
            Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{layer} {path}: {(int)status}");
        }
    }

    [Fact]
    public async Task A_validly_signed_token_of_a_role_the_platform_does_not_know_is_refused()
    {
        foreach (var (layer, address, path) in Targets())
        {
            using var client = SecuredPlatform.Client(address, ForgedTokens.Valid(role: "superuser"));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Gateway_tokens_are_short_lived_rs256_jwts_that_name_their_client_key_and_organisations()
    {
        var response = await SecuredPlatform.RequestTokenAsync(platform.Gateway, "norrbotten", SecuredPlatform.Clients.Single(c => c.ClientId == "norrbotten").Secret);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(("RS256", "Bearer"), (token.Alg, body.GetProperty("token_type").GetString()));
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 1, 15 * 60);
        Assert.InRange((token.ValidTo - DateTime.UtcNow).TotalMinutes, 14, 15.1);
        Assert.Equal(["kommun:2580", "kommun:2584"], token.Claims.Where(c => c.Type == "org").Select(c => c.Value).Order());
        Assert.Equal(("norrbotten", "partner"), (token.Subject, token.GetClaim("role").Value));
        Assert.False(string.IsNullOrEmpty(token.Id) || string.IsNullOrEmpty(token.Kid));
    }

    [Fact]
    public async Task A_wrong_secret_or_an_unknown_client_gets_401_invalid_client_alike()
    {
        var wrong = await SecuredPlatform.RequestTokenAsync(platform.Gateway, "kansli", "not-the-secret");
        var unknown = await SecuredPlatform.RequestTokenAsync(platform.Gateway, "nobody-" + Guid.NewGuid().ToString("N")[..6], "x");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrong.StatusCode, unknown.StatusCode));
        Assert.Equal(await wrong.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
    }
}
