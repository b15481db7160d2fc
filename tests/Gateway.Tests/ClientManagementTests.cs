using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Gateway.Tests;

public sealed class ClientManagementTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private async Task<HttpClient> AdminAsync() =>
        Tokens.ClientWith(factory, await Tokens.OfAsync(factory, GatewayFactory.Admin.ClientId, GatewayFactory.Admin.ClientSecret));

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private static async Task<JsonElement> CreatedAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/clients", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_admin_creates_a_partner_for_several_organisations_whose_token_carries_each_of_them()
    {
        var admin = await AdminAsync();
        var id = NewId("vasterbotten");

        var created = await CreatedAsync(admin, new { clientId = id, role = "partner", organisationIds = new[] { "kommun:2480", "region:24" } });
        var token = new JsonWebToken(await Tokens.OfAsync(factory, id, created.GetProperty("clientSecret").GetString()!));

        Assert.Equal(id, created.GetProperty("clientId").GetString());
        Assert.Equal(["kommun:2480", "region:24"], token.Claims.Where(c => c.Type == "org").Select(c => c.Value).Order());
        Assert.Equal((id, "partner"), (token.Subject, token.GetClaim("role").Value));
        Assert.False(string.IsNullOrEmpty(token.Id), "the token has no jti");
        Assert.Equal(TestAuth.Issuer, token.Issuer);
        Assert.Equal([TestAuth.Audience], token.Audiences);
        Assert.False(string.IsNullOrEmpty(token.Kid), "the token names no signing key");
    }

    [Fact]
    public async Task A_generated_client_id_and_secret_are_shown_once_and_never_listed()
    {
        var admin = await AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/clients", new { role = "operator" });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;
        var listing = await admin.GetStringAsync("/api/v1/clients");
        var one = await admin.GetStringAsync($"/api/v1/clients/{id}");

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal($"/api/v1/clients/{id}", response.Headers.Location?.ToString());
        Assert.StartsWith("operator-", id);
        Assert.True(secret.Length >= 43, "the secret has less than 256 bits");
        Assert.Contains(id, listing);
        Assert.DoesNotContain(secret, listing + one);
        Assert.DoesNotContain("pbkdf2", listing + one);
        Assert.DoesNotContain("secret", (listing + one).ToLowerInvariant().Replace("secretrotatedat", string.Empty));
    }

    [Fact]
    public async Task Fields_an_admin_may_not_set_are_ignored()
    {
        var admin = await AdminAsync();
        var id = NewId("lulea");

        var created = await CreatedAsync(admin, new
        {
            clientId = id, role = "partner", organisationIds = new[] { "kommun:2580" },
            clientSecret = "chosen-by-caller", secretHash = "pbkdf2-sha256$1$AA==$AA==", disabled = true, source = "file", version = 7,
        });

        Assert.NotEqual("chosen-by-caller", created.GetProperty("clientSecret").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Tokens.RequestAsync(factory.CreateClient(), id, "chosen-by-caller")).StatusCode);
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{id}");
        Assert.Equal((false, "api", "admin-test"), (stored.GetProperty("disabled").GetBoolean(), stored.GetProperty("source").GetString(), stored.GetProperty("createdBy").GetString()));
    }

    [Theory]
    [InlineData("partner", null, "organisationIds")]
    [InlineData("partner", "kommun:18", "organisationIds")]
    [InlineData("kansli", "kommun:0180", "organisationIds")]
    [InlineData("superuser", null, "role")]
    public async Task A_client_that_does_not_fit_its_role_is_refused_with_422(string role, string? organisation, string field)
    {
        var admin = await AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/clients", new { role, organisationIds = organisation is null ? null : new[] { organisation } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_taken_client_id_gets_409()
    {
        var admin = await AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/clients", new { clientId = GatewayFactory.Kansli.ClientId, role = "kansli" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Rotating_a_secret_ends_the_old_one_at_once()
    {
        var admin = await AdminAsync();
        var id = NewId("kalix");
        var old = (await CreatedAsync(admin, new { clientId = id, role = "partner", organisationIds = new[] { "kommun:2514" } })).GetProperty("clientSecret").GetString()!;

        var rotated = await admin.PostAsync($"/api/v1/clients/{id}/rotate-secret", null);
        var secret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Tokens.RequestAsync(factory.CreateClient(), id, old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Tokens.RequestAsync(factory.CreateClient(), id, secret)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_client_gets_no_token_and_its_token_is_refused_at_the_gateway_within_seconds()
    {
        var admin = await AdminAsync();
        var id = NewId("pitea");
        var secret = (await CreatedAsync(admin, new { clientId = id, role = "partner", organisationIds = new[] { "kommun:2581" } })).GetProperty("clientSecret").GetString()!;
        var partner = Tokens.ClientWith(factory, await Tokens.OfAsync(factory, id, secret));
        Assert.Equal(HttpStatusCode.BadGateway, (await partner.GetAsync("/api/v1/strategy")).StatusCode);

        var disabled = await admin.PostAsync($"/api/v1/clients/{id}/disable", null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.GetAsync("/api/v1/strategy")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Tokens.RequestAsync(factory.CreateClient(), id, secret)).StatusCode);
        var revoked = await factory.CreateClient().GetFromJsonAsync<RevokedClientList>("/internal/revoked-clients");
        Assert.Contains(RevokedClientList.Hash(id), revoked!.Clients);
        Assert.DoesNotContain(id, revoked.Clients);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/clients/{id}/rotate-secret", null)).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_disable_itself_and_an_unknown_client_is_404()
    {
        var admin = await AdminAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/clients/{GatewayFactory.Admin.ClientId}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/clients/{NewId("nobody")}/disable", null)).StatusCode);
    }

    [Theory]
    [InlineData("kansli")]
    [InlineData("operator")]
    [InlineData("partner")]
    public async Task Only_an_admin_manages_clients(string role)
    {
        var client = Tokens.ClientWith(factory, TestAuth.Token("not-admin", role, role == "partner" ? "kommun:0180" : null));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/clients", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/clients/{GatewayFactory.Kansli.ClientId}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/clients")).StatusCode);
    }

    [Fact]
    public async Task Client_management_is_audited_without_secrets()
    {
        var admin = await AdminAsync();
        var id = NewId("boden");
        var secret = (await CreatedAsync(admin, new { clientId = id, role = "partner", organisationIds = new[] { "kommun:2582" } })).GetProperty("clientSecret").GetString()!;
        await admin.PostAsync($"/api/v1/clients/{id}/rotate-secret", null);

        var response = await admin.GetAsync($"/api/v1/audit?clientId={GatewayFactory.Admin.ClientId}");
        var body = await response.Content.ReadAsStringAsync();
        var overview = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = overview.GetProperty("entries").EnumerateArray().ToList();
        var rotate = entries.First(e => e.GetProperty("resourceId").GetString() == id);
        Assert.Equal(("gateway", "POST", "/api/v1/clients/{id}/rotate-secret", 200), (rotate.GetProperty("service").GetString(), rotate.GetProperty("method").GetString(), rotate.GetProperty("route").GetString(), rotate.GetProperty("status").GetInt32()));
        Assert.Contains(entries, e => e.GetProperty("route").GetString() == "/api/v1/clients" && e.GetProperty("status").GetInt32() == 201 && e.GetProperty("resourceId").GetString() == $"/api/v1/clients/{id}");
        Assert.Equal(32, rotate.GetProperty("traceId").GetString()!.Length);
        Assert.DoesNotContain(secret, body);
        Assert.Equal(["survey", "indicator", "strategy", "reporting"], overview.GetProperty("unavailable").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await Tokens.ClientWith(factory, TestAuth.Partner("kommun:0180")).GetAsync("/api/v1/audit")).StatusCode);
    }
}
