using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace VisionEHalsa.Security.Tests;

/// <summary>API3 (object property level authorization): properties a caller may not set do not change what is stored.</summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class MassAssignmentTests(SecuredPlatform platform)
{
    private async Task<string> OpenRoundAsync()
    {
        var kansli = await platform.ThroughGatewayAsync("kansli");
        var round = "sec-mass-" + Guid.NewGuid().ToString("N")[..8];
        (await kansli.PostAsJsonAsync("/api/v1/rounds", new { id = round, questionnaireId = "vision-ehalsa-kommun", year = 2025 })).EnsureSuccessStatusCode();
        (await kansli.PostAsync($"/api/v1/rounds/{round}/open", null)).EnsureSuccessStatusCode();
        return round;
    }

    [Fact]
    public async Task A_partner_cannot_set_the_organisation_version_role_or_author_of_a_response()
    {
        var round = await OpenRoundAsync();
        var stockholm = await platform.ThroughGatewayAsync("stockholm");
        var kansli = await platform.ThroughGatewayAsync("kansli");
        var body = JsonNode.Parse(SecuredPlatform.ValidAnswers)!.AsObject();
        body["organisationId"] = SecuredPlatform.OtherOrganisation;
        body["version"] = 99;
        body["role"] = "kansli";
        body["submittedBy"] = "kansli";

        var withExtras = await stockholm.PutAsync($"/api/v1/rounds/{round}/responses/{SecuredPlatform.OwnOrganisation}", SecuredPlatform.Json(body.ToJsonString()));
        var plain = await stockholm.PutAsync($"/api/v1/rounds/{round}/responses/{SecuredPlatform.OwnOrganisation}", SecuredPlatform.Json(SecuredPlatform.ValidAnswers));
        var stored = await kansli.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/responses/{SecuredPlatform.OwnOrganisation}");

        // Unknown properties are refused outright, so the plain submission is the first version.
        Assert.Equal(HttpStatusCode.BadRequest, withExtras.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal((1, "stockholm", SecuredPlatform.OwnOrganisation),
            (stored.GetProperty("version").GetInt32(), stored.GetProperty("submittedBy").GetString(), stored.GetProperty("organisationId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await kansli.GetAsync($"/api/v1/rounds/{round}/responses/{SecuredPlatform.OtherOrganisation}")).StatusCode);
    }

    [Fact]
    public async Task The_kansli_cannot_set_a_questionnaires_version_or_author()
    {
        var kansli = await platform.ThroughGatewayAsync("kansli");
        var id = "sec-q-" + Guid.NewGuid().ToString("N")[..8];

        var response = await kansli.PostAsJsonAsync("/api/v1/questionnaires", new
        {
            id, title = "Säkerhetstest", population = "kommun",
            questions = new[] { new { code = "Q1", text = "Finns en plan?", type = "yesno", required = true } },
            version = 99, definedBy = "someone-else", definedAt = "2000-01-01T00:00:00Z",
        });

        var stored = await kansli.GetAsync($"/api/v1/questionnaires/{id}");
        if (response.IsSuccessStatusCode)
        {
            var questionnaire = await stored.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((1, "kansli"), (questionnaire.GetProperty("version").GetInt32(), questionnaire.GetProperty("definedBy").GetString()));
            Assert.NotEqual(2000, questionnaire.GetProperty("definedAt").GetDateTimeOffset().Year);
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
        }
    }

    [Fact]
    public async Task A_period_is_stored_under_its_path_and_the_strategy_version_is_the_servers()
    {
        var kansli = await platform.ThroughGatewayAsync("kansli");
        var strategy = (await kansli.GetFromJsonAsync<JsonObject>("/api/v1/strategy"))!;
        var history = await kansli.GetFromJsonAsync<JsonElement[]>("/api/v1/strategy/history?limit=1");
        var before = history![0].GetProperty("version").GetInt32();
        var period = strategy["periods"]!.AsArray()[0]!.AsObject();
        var id = (string)period["id"]!;
        var body = JsonNode.Parse(period.ToJsonString())!.AsObject();
        body["id"] = "another-period";
        body["title"] = "Säkerhetstest " + Guid.NewGuid().ToString("N")[..6];
        body["version"] = 999;
        body["changedBy"] = "someone-else";

        var response = await kansli.PutAsync($"/api/v1/strategy/periods/{id}", SecuredPlatform.Json(body.ToJsonString()));

        var after = (await kansli.GetFromJsonAsync<JsonElement[]>("/api/v1/strategy/history?limit=1"))![0];
        var periods = (await kansli.GetFromJsonAsync<JsonObject>("/api/v1/strategy"))!["periods"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
        Assert.DoesNotContain("another-period", periods);
        if (response.IsSuccessStatusCode)
        {
            Assert.Equal(before + 1, after.GetProperty("version").GetInt32());
            Assert.Contains("kansli", after.ToString());
            Assert.DoesNotContain("someone-else", after.ToString());
        }
        else
        {
            Assert.Equal(before, after.GetProperty("version").GetInt32());
        }
    }

    [Fact]
    public async Task An_admin_cannot_choose_a_clients_secret_or_create_it_disabled()
    {
        var admin = await platform.ThroughGatewayAsync("admin");
        var id = "sec-mass-" + Guid.NewGuid().ToString("N")[..8];

        var created = await (await admin.PostAsJsonAsync("/api/v1/clients", new
        {
            clientId = id, role = "operator", clientSecret = "chosen", secretHash = "pbkdf2-sha256$1$AA==$AA==", disabled = true, source = "file",
        })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.NotEqual("chosen", created.GetProperty("clientSecret").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecuredPlatform.RequestTokenAsync(platform.Gateway, id, "chosen")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SecuredPlatform.RequestTokenAsync(platform.Gateway, id, created.GetProperty("clientSecret").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task A_token_request_cannot_ask_for_another_role_or_organisation()
    {
        using var anonymous = SecuredPlatform.Client(platform.Gateway, null);
        var secret = SecuredPlatform.Clients.Single(c => c.ClientId == "stockholm").Secret;

        var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "stockholm", ["client_secret"] = secret,
            ["role"] = "admin", ["org"] = SecuredPlatform.OtherOrganisation, ["resource"] = "another-api",
        }));

        if (response.IsSuccessStatusCode)
        {
            var token = new JsonWebToken((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
            Assert.Equal("partner", token.GetClaim("role").Value);
            Assert.Equal([SecuredPlatform.OwnOrganisation], token.Claims.Where(c => c.Type == "org").Select(c => c.Value));
            Assert.Equal(["vision-ehalsa-api"], token.Audiences);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
