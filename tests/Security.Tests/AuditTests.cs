using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionEHalsa.Security.Tests;

/// <summary>Every write is recorded where it landed: who, what, when, trace and outcome, refusals included, bodies never.</summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class AuditTests(SecuredPlatform platform)
{
    private async Task<List<JsonElement>> EntriesAsync(string clientId)
    {
        var kansli = await platform.ThroughGatewayAsync("kansli");
        var overview = await kansli.GetFromJsonAsync<JsonElement>($"/api/v1/audit?clientId={clientId}&limit=1000");
        Assert.Empty(overview.GetProperty("unavailable").EnumerateArray());
        return overview.GetProperty("entries").EnumerateArray().ToList();
    }

    [Fact]
    public async Task Writes_and_refused_writes_are_recorded_by_the_service_and_merged_at_the_gateway()
    {
        var kansli = await platform.ThroughGatewayAsync("kansli");
        var stockholm = await platform.ThroughGatewayAsync("stockholm");
        var round = "sec-audit-" + Guid.NewGuid().ToString("N")[..8];
        var created = await kansli.PostAsJsonAsync("/api/v1/rounds", new { id = round, questionnaireId = "vision-ehalsa-kommun", year = 2025 });
        await kansli.PostAsync($"/api/v1/rounds/{round}/open", null);
        var refused = await stockholm.PutAsync($"/api/v1/rounds/{round}/responses/{SecuredPlatform.OtherOrganisation}", SecuredPlatform.Json(SecuredPlatform.ValidAnswers));

        var byKansli = await EntriesAsync("kansli");
        var byPartner = await EntriesAsync("stockholm");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Forbidden), (created.StatusCode, refused.StatusCode));
        var create = byKansli.Single(e => e.GetProperty("resourceId").GetString() == $"/api/v1/rounds/{round}");
        Assert.Equal(("survey", "POST", "/api/v1/rounds", 201, "kansli"),
            (create.GetProperty("service").GetString(), create.GetProperty("method").GetString(), create.GetProperty("route").GetString(),
             create.GetProperty("status").GetInt32(), create.GetProperty("role").GetString()));
        Assert.Contains(byKansli, e => e.GetProperty("resourceId").GetString() == round && e.GetProperty("route").GetString() == "/api/v1/rounds/{id}/open");
        // The gateway records only its own endpoints; what it proxies, the service behind records.
        Assert.DoesNotContain(byKansli, e => e.GetProperty("service").GetString() == "gateway" && e.GetProperty("route").GetString()!.StartsWith("/api/v1/rounds", StringComparison.Ordinal));
        var put = byPartner.Single(e => e.GetProperty("resourceId").GetString() == $"{round}/{SecuredPlatform.OtherOrganisation}");
        Assert.Equal((403, "/api/v1/rounds/{roundId}/responses/{organisationId}", SecuredPlatform.OwnOrganisation),
            (put.GetProperty("status").GetInt32(), put.GetProperty("route").GetString(), put.GetProperty("organisations")[0].GetString()));
        Assert.Matches("^[0-9a-f]{32}$", put.GetProperty("traceId").GetString());
        var fields = new[] { "id", "service", "at", "clientId", "role", "organisations", "method", "route", "resourceId", "status", "traceId" };
        Assert.All(byPartner, e => Assert.Equal(fields.Order(), e.EnumerateObject().Select(p => p.Name).Order()));
        Assert.DoesNotContain("answers", JsonSerializer.Serialize(byPartner));
    }

    [Fact]
    public async Task Only_the_kansli_and_admins_read_the_audit_log_and_nothing_writes_to_it()
    {
        foreach (var process in VisionEHalsa.TestSupport.PlatformProcesses.Services)
        {
            using var partner = await platform.DirectAsync(process, "stockholm");
            using var operatorClient = await platform.DirectAsync(process, "operator");
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/v1/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/v1/audit")).StatusCode);
        }

        Assert.All(EndpointTable.All.Where(c => c.Endpoint.Path.StartsWith("/api/v1/audit", StringComparison.Ordinal)),
            c => Assert.Equal("GET", c.Endpoint.Method));
    }
}
