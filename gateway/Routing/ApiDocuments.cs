using Scalar.AspNetCore;

namespace VisionEHalsa.Gateway.Routing;

/// <summary>A browsable reference at <c>/docs</c> over the services' OpenAPI documents, which the gateway serves as <c>/openapi/{service}.json</c>.</summary>
public static class ApiDocuments
{
    public static readonly string[] Services = ["survey", "indicator", "strategy", "reporting"];

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Vision e-hälsa 2025 – API v1");
            options.WithOpenApiRoutePattern("/openapi/{documentName}.json");
            options.AddDocuments(Services);
        }).AllowAnonymous();
        return app;
    }
}
