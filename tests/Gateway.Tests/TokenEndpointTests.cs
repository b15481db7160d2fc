using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using VisionEHalsa.Gateway.Clients;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Gateway.Tests;

public sealed class TokenEndpointTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static FormUrlEncodedContent ClientCredentials(ClientDefinition client, string? secret = null) =>
        Form(("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", secret ?? client.ClientSecret));

    [Fact]
    public async Task A_partner_client_gets_a_short_lived_bearer_token_bound_to_its_organisation()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token", ClientCredentials(GatewayFactory.Stockholm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        var expiresIn = body.GetProperty("expires_in").GetInt32();
        Assert.InRange(expiresIn, 60, 15 * 60);
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("RS256", token.Alg);
        Assert.Equal("partner", token.GetClaim("role").Value);
        Assert.Equal("kommun:0180", token.GetClaim("org").Value);
        Assert.Equal("stockholm-test", token.Subject);
        Assert.InRange((token.ValidTo - DateTime.UtcNow).TotalSeconds, expiresIn - 30, expiresIn + 1);
    }

    [Fact]
    public async Task Credentials_may_also_come_as_http_basic()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = Form(("grant_type", "client_credentials")) };
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{GatewayFactory.Kansli.ClientId}:{GatewayFactory.Kansli.ClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_secret_gets_401_invalid_client()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token", ClientCredentials(GatewayFactory.Kansli, "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Another_grant_type_gets_400_unsupported_grant_type()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token", Form(("grant_type", "password"), ("username", "x"), ("password", "y")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_issued_token_passes_the_gateway_and_reaches_the_service()
    {
        var token = (await (await factory.CreateClient().PostAsync("/connect/token", ClientCredentials(GatewayFactory.Kansli)))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/v1/strategy");

        // Past authentication and authorization, the proxy finds no service listening in this test.
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public void Secrets_are_checked_against_salted_hashes_only()
    {
        var secret = GatewayFactory.Kansli.ClientSecret;
        var hash = ClientSecrets.Hash(secret);

        Assert.True(ClientSecrets.Verify(secret, hash));
        Assert.False(ClientSecrets.Verify(secret + "x", hash));
        Assert.False(ClientSecrets.Verify(secret, null));
        Assert.DoesNotContain(secret, hash);
        Assert.NotEqual(hash, ClientSecrets.Hash(secret));
        Assert.StartsWith("pbkdf2-sha256$100000$", hash);
    }
}
