using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using VisionEHalsa.Gateway.Routing;
using Yarp.ReverseProxy.Configuration;

namespace VisionEHalsa.Gateway.Tests;

public sealed class RoutePolicyTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private IProxyConfig Config => factory.Services.GetRequiredService<IProxyConfigProvider>().GetConfig();

    [Fact]
    public void Every_route_names_an_authorization_rate_limit_and_timeout_policy_that_exists()
    {
        var routes = Config.Routes;
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            Assert.True(route.AuthorizationPolicy is { } auth && EdgePolicies.Authorization.Contains(auth), $"route {route.RouteId} names authorization '{route.AuthorizationPolicy}'");
            Assert.True(route.RateLimiterPolicy is { } rate && EdgePolicies.RateLimits.Contains(rate), $"route {route.RouteId} names rate limit '{route.RateLimiterPolicy}'");
            Assert.True(route.TimeoutPolicy is { } timeout && EdgePolicies.Timeouts.Contains(timeout), $"route {route.RouteId} names timeout '{route.TimeoutPolicy}'");
        }
    }

    [Fact]
    public async Task Every_authorization_policy_a_route_may_name_is_registered()
    {
        var provider = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        foreach (var name in EdgePolicies.Authorization.Where(n => n != EdgePolicies.Anonymous))
        {
            Assert.NotNull(await provider.GetPolicyAsync(name));
        }
    }

    [Fact]
    public void Only_the_api_documents_and_reading_reports_are_open_without_a_token()
    {
        // Published report editions are public; the reporting service decides which editions a caller without a token sees.
        var open = Config.Routes.Where(r => r.AuthorizationPolicy == EdgePolicies.Anonymous).ToList();
        Assert.All(open, route => Assert.True(
            Regex.IsMatch(route.Match.Path!, @"^/openapi/[a-z]+\.json$") ||
            (route.Match.Path == "/api/v1/reports/{**rest}" && route.Match.Methods!.Order().SequenceEqual(["GET", "HEAD"])),
            $"route {route.RouteId} is open without a token"));
    }

    [Fact]
    public void Every_route_names_a_body_limit_and_only_the_import_takes_more_than_a_service_does()
    {
        foreach (var route in Config.Routes)
        {
            Assert.True(route.MaxRequestBodySize is >= 0, $"route {route.RouteId} names no body limit");
            var limit = route.RouteId == "responses-import" ? 20 * 1024 * 1024 : EdgePolicies.DefaultMaxRequestBodyBytes;
            Assert.True(route.MaxRequestBodySize <= limit, $"route {route.RouteId} takes {route.MaxRequestBodySize} bytes");
        }

        Assert.Equal(20 * 1024 * 1024, Config.Routes.Single(r => r.RouteId == "responses-import").MaxRequestBodySize);
    }

    [Fact]
    public void Every_route_points_at_a_cluster_named_after_a_service()
    {
        var clusters = Config.Clusters.Select(c => c.ClusterId).ToHashSet();
        Assert.Equal(["indicator", "reporting", "strategy", "survey"], clusters.Order());
        Assert.All(Config.Routes, r => Assert.Contains(r.ClusterId!, clusters));
    }

    [Theory]
    [InlineData("/api/v1/organisations", "survey")]
    [InlineData("/api/v1/rounds/2025/responses/kommun:0180", "survey")]
    [InlineData("/api/v1/questionnaires", "survey")]
    [InlineData("/api/v1/indicators/values", "indicator")]
    [InlineData("/api/v1/strategy", "strategy")]
    [InlineData("/api/v1/reports/2025/latest.pdf", "reporting")]
    [InlineData("/api/v1/reports/2025/editions/3/publish", "reporting", "POST")]
    [InlineData("/api/v1/rounds/demo-2025/responses/import", "survey", "POST")]
    [InlineData("/api/v1/rounds/demo-2025/responses/import", "survey", "GET")]
    [InlineData("/api/v1/ops/survey/failures", "survey")]
    [InlineData("/api/v1/ops/indicator/failures/0f8fad5bd9cb469fa16570867728950e-1a2b3c4d/replay", "indicator")]
    [InlineData("/api/v1/ops/strategy/failures", "strategy")]
    [InlineData("/api/v1/ops/reporting/failures", "reporting")]
    public void Public_paths_route_to_their_service(string path, string cluster, string method = "GET")
    {
        var matches = Config.Routes.Where(r => Matches(r.Match.Path!, path) && (r.Match.Methods is null || r.Match.Methods.Contains(method))).ToList();
        // As in ASP.NET routing, a pattern without a catch-all takes precedence over one with it.
        var exact = matches.Where(r => !r.Match.Path!.EndsWith("/{**rest}", StringComparison.Ordinal)).ToList();
        var route = Assert.Single(exact.Count > 0 ? exact : matches);
        Assert.Equal(cluster, route.ClusterId);
    }

    private static bool Matches(string pattern, string path)
    {
        if (pattern.EndsWith("/{**rest}", StringComparison.Ordinal))
        {
            var prefix = pattern[..^"/{**rest}".Length];
            return path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);
        }

        var segments = pattern.Split('/').Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s));
        return Regex.IsMatch(path, "^" + string.Join('/', segments) + "$");
    }
}
