using System.Text.Json.Nodes;
using System.Net.Http.Json;

namespace VisionEHalsa.Strategy.Tests;

public sealed class ApiDocumentTests
{
    [Fact]
    public async Task The_api_document_describes_every_strategy_endpoint_with_its_faults()
    {
        await using var factory = StrategyTestHost.Start();

        var document = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        var paths = document["paths"]!.AsObject();
        Assert.Equal(
            [
                "/api/v1/strategy", "/api/v1/strategy/history", "/api/v1/strategy/periods/{id}",
                "/api/v1/strategy/periods/{id}/goals/{code}", "/api/v1/strategy/periods/{id}/initiatives/{code}",
                "/api/v1/strategy/periods/{id}/targets/{indicator}", "/api/v1/strategy/targets/status", "/api/v1/strategy/versions/{version}",
            ],
            paths.Select(p => p.Key).Where(p => p.StartsWith("/api/v1/strategy", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var putTarget = paths["/api/v1/strategy/periods/{id}/targets/{indicator}"]!["put"]!["responses"]!.AsObject();
        Assert.Equal(["200", "401", "403", "404", "409", "422"], putTarget.Select(r => r.Key).Order(StringComparer.Ordinal));
        var comparator = document["components"]!["schemas"]!["Comparator"]!;
        Assert.Equal(["atLeast", "atMost"], comparator["enum"]!.AsArray().Select(e => (string)e!));
    }
}
