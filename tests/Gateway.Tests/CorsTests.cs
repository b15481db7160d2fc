using System.Net;

namespace VisionEHalsa.Gateway.Tests;

public sealed class CorsTests
{
    private static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/api/v1/strategy")
    {
        Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "GET" }, { "Access-Control-Request-Headers", "authorization" } },
    };

    [Fact]
    public async Task Cross_origin_calls_are_closed_when_no_origin_is_configured()
    {
        await using var gateway = new GatewayFactory();

        var preflight = await gateway.CreateClient().SendAsync(Preflight("https://kansli.example.se"));

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Only_a_configured_origin_may_call_from_a_browser()
    {
        await using var gateway = new GatewayFactory();
        gateway.Settings["Gateway:Cors:Origins:0"] = "https://kansli.example.se";

        var allowed = await gateway.CreateClient().SendAsync(Preflight("https://kansli.example.se"));
        var other = await gateway.CreateClient().SendAsync(Preflight("https://evil.example.com"));

        Assert.Equal("https://kansli.example.se", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

public sealed class PublicReportTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Reading_reports_passes_the_gateway_without_a_token_but_publishing_does_not()
    {
        var client = factory.CreateClient();

        // Past the gateway, nothing listens in this test: the reporting service decides which editions are public.
        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/api/v1/reports/2025/latest.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/reports/2025/editions/1/publish", null)).StatusCode);
    }
}
