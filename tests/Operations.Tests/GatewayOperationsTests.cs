using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Operations.Tests;

public sealed class GatewayOperationsTests(OperationsHost host) : IClassFixture<OperationsHost>
{
    [Fact]
    public async Task Gateway_lists_failures_of_every_service_and_names_the_unavailable_ones()
    {
        var failure = await host.FailAsync(OperationsHost.NewRound());
        await using var gateway = new GatewayOver(host.Address);
        using var client = gateway.ClientWithToken(TestAuth.Operator());

        var overview = await client.GetFromJsonAsync<JsonElement>("/api/v1/ops/failures");

        var listed = overview.GetProperty("failures").EnumerateArray()
            .Where(f => f.GetProperty("id").GetString() == failure.Id)
            .Select(f => f.GetProperty("service").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(["indicator", "survey"], listed);
        Assert.Equal(["strategy", "reporting"], overview.GetProperty("unavailable").EnumerateArray().Select(s => s.GetString()));
        var times = overview.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("lastAttempt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task Gateway_routes_operators_to_the_failures_of_one_service_and_refuses_partners()
    {
        var round = OperationsHost.NewRound();
        var failure = await host.FailAsync(round);
        host.Closing.Fix(round);
        await using var gateway = new GatewayOver(host.Address);
        using var operatorClient = gateway.ClientWithToken(TestAuth.Operator());
        using var partner = gateway.ClientWithToken(TestAuth.Partner("kommun:0180"));

        var one = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/ops/survey/failures/{failure.Id}");
        var byPartner = await partner.PostAsync($"/api/v1/ops/survey/failures/{failure.Id}/replay", null);
        var replay = await operatorClient.PostAsync($"/api/v1/ops/survey/failures/{failure.Id}/replay", null);

        Assert.Equal(failure.Id, one.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/v1/ops/failures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("replayed", (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await Eventually.ValueAsync(() => Task.FromResult(host.Closing.Consumed(round) == 1 ? "consumed" : null), TimeSpan.FromSeconds(30), "the replay was not consumed");
    }

    /// <summary>The gateway in-process, with survey and indicator at the test service and nothing behind the others.</summary>
    private sealed class GatewayOver(Uri service) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Auth:SigningKeyPath", TestAuth.SigningKeyPath);
            builder.UseSetting("Auth:PublicKeyPath", TestAuth.PublicKeyPath);
            builder.UseSetting("Services:survey", service.ToString());
            builder.UseSetting("Services:indicator", service.ToString());
            builder.UseSetting("Services:strategy", "http://127.0.0.1:9");
            builder.UseSetting("Services:reporting", "http://127.0.0.1:9");
        }

        public HttpClient ClientWithToken(string token)
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }
    }
}
