using System.Net;
using System.Text.Json.Nodes;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class OpenApiTests(SurveyService service)
{
    [Fact]
    public async Task Api_document_describes_the_import_drafts_and_missing_endpoints()
    {
        var response = await service.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject();
        Assert.Contains("/api/v1/rounds/{roundId}/responses/import", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/rounds/{roundId}/responses/template.csv", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/rounds/{roundId}/responses/template.xlsx", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/rounds/{id}/missing", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/rounds/{roundId}/responses/{organisationId}/versions/{version}", paths.Select(p => p.Key));
        var import = paths["/api/v1/rounds/{roundId}/responses/import"]!["post"]!["responses"]!.AsObject();
        Assert.Contains("413", import.Select(r => r.Key));
    }
}
