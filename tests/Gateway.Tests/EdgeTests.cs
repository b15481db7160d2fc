using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Gateway.Tests;

public sealed class EdgeTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private HttpClient ClientWith(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Theory]
    [InlineData("/api/v1/organisations")]
    [InlineData("/api/v1/rounds/2025/responses/kommun:0180")]
    [InlineData("/api/v1/indicators/values?year=2025")]
    [InlineData("/api/v1/strategy")]
    public async Task A_request_without_a_token_gets_401_at_the_gateway(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_gets_401()
    {
        using var otherKey = RSA.Create(2048);
        var response = await ClientWith(TestAuth.Token("intruder", "kansli", key: otherKey)).GetAsync("/api/v1/strategy");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_gets_401_without_grace()
    {
        var response = await ClientWith(TestAuth.Token("late", "kansli", lifetime: TimeSpan.FromSeconds(-5))).GetAsync("/api/v1/strategy");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_tokens_get_401()
    {
        foreach (var token in new[] { "abc", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImthbnNsaSJ9." })
        {
            var response = await ClientWith(token).GetAsync("/api/v1/strategy");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Readiness_shows_each_service_and_stays_up_when_one_is_not_ready()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var services = body.GetProperty("checks").GetProperty("services");
        Assert.Equal("Degraded", services.GetProperty("status").GetString());
        foreach (var service in new[] { "survey", "indicator", "strategy", "reporting" })
        {
            Assert.Equal("not ready", services.GetProperty("data").GetProperty(service).GetString());
        }
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_no_server_banner()
    {
        var response = await factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }
}

public sealed class RateLimitTests : IClassFixture<RateLimitTests.TightFactory>
{
    private readonly TightFactory _factory;

    public RateLimitTests(TightFactory factory) => _factory = factory;

    public sealed class TightFactory : IDisposable
    {
        public GatewayFactory Gateway { get; } = new();

        public TightFactory() => Gateway.Settings["Gateway:PermitsPerSecond"] = "3";

        public void Dispose() => Gateway.Dispose();
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after()
    {
        var client = _factory.Gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestAuth.Kansli("rate-test"));

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await client.GetAsync("/api/v1/strategy"));
        }

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter is not null, "429 without Retry-After"));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
    }
}
