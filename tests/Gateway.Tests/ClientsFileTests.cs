using System.Net;
using System.Net.Http.Json;
using VisionEHalsa.Gateway.Clients;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Gateway.Tests;

public sealed class ClientsFileTests
{
    private static async Task<HttpStatusCode> TokenStatusAsync(GatewayFactory gateway, string id, string secret) =>
        (await Tokens.RequestAsync(gateway.CreateClient(), id, secret)).StatusCode;

    [Fact]
    public async Task A_new_secret_in_the_clients_file_replaces_the_old_one_at_the_next_start()
    {
        var data = TestEnvironment.NewDataDirectory("gateway-restart");
        var id = "filed-" + Guid.NewGuid().ToString("N")[..8];
        await using (var before = new GatewayFactory { DataDirectory = data })
        {
            before.Clients.Add(new ClientDefinition(id, "first-secret", "partner", "kommun:0180"));
            Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(before, id, "first-secret"));
        }

        await using var after = new GatewayFactory { DataDirectory = data };
        after.Clients.Add(new ClientDefinition(id, "second-secret", "partner", OrganisationIds: ["kommun:0180", "kommun:0181"]));

        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(after, id, "second-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(after, id, "first-secret"));
        var admin = Tokens.ClientWith(after, await Tokens.OfAsync(after, GatewayFactory.Admin.ClientId, GatewayFactory.Admin.ClientSecret));
        var stored = await admin.GetFromJsonAsync<ClientView>($"/api/v1/clients/{id}");
        Assert.Equal(["kommun:0180", "kommun:0181"], stored!.OrganisationIds);
    }

    [Fact]
    public async Task A_client_an_admin_disabled_stays_disabled_when_the_gateway_starts_again()
    {
        var data = TestEnvironment.NewDataDirectory("gateway-restart");
        var id = "filed-" + Guid.NewGuid().ToString("N")[..8];
        await using (var before = new GatewayFactory { DataDirectory = data })
        {
            before.Clients.Add(new ClientDefinition(id, "the-secret", "operator"));
            var admin = Tokens.ClientWith(before, await Tokens.OfAsync(before, GatewayFactory.Admin.ClientId, GatewayFactory.Admin.ClientSecret));
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/clients/{id}/disable", null)).StatusCode);
        }

        await using var after = new GatewayFactory { DataDirectory = data };
        after.Clients.Add(new ClientDefinition(id, "the-secret", "operator"));

        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(after, id, "the-secret"));
    }

    [Fact]
    public void A_clients_file_with_a_partner_of_no_organisation_stops_the_gateway()
    {
        var file = Path.Combine(TestEnvironment.NewDataDirectory("clients-file"), "clients.json");
        File.WriteAllText(file, """[{"clientId":"lost","clientSecret":"s","role":"partner"}]""");

        var error = Assert.Throws<InvalidOperationException>(() => ClientsFile.Read(file));

        Assert.Contains("organisationIds", error.Message);
        Assert.DoesNotContain("\"s\"", error.Message);
    }
}
