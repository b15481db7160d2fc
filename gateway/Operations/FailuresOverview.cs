using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.Gateway.Routing;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.ServiceDefaults.Operations;

namespace VisionEHalsa.Gateway.Operations;

/// <summary>Every service's failed messages in one list; a service that does not answer is named, not fatal.</summary>
public sealed record FailuresOverview(IReadOnlyList<FailedMessageSummary> Failures, IReadOnlyList<string> Unavailable);

public static class FailuresOverviewEndpoint
{
    public static WebApplicationBuilder AddFailuresOverview(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServiceFailures>();
        return builder;
    }

    public static WebApplication MapFailuresOverview(this WebApplication app)
    {
        app.MapGet("/api/v1/ops/failures", ListAsync)
            .RequireAuthorization(PlatformPolicies.Operations)
            .RequireRateLimiting(EdgePolicies.ClientRateLimit)
            .WithName("ListFailedMessagesOfEveryService")
            .WithSummary("The failed messages of every service, newest first; services that did not answer are listed in unavailable. Replay one at POST /api/v1/ops/{service}/failures/{id}/replay.")
            .WithTags("Operations")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .WithRequestTimeout(EdgePolicies.DefaultTimeout);
        return app;
    }

    /// <param name="status">Only failures with this status: failed or replayed.</param>
    public static async Task<Results<Ok<FailuresOverview>, ValidationProblem>> ListAsync(
        string? status, HttpRequest request, ServiceFailures services, CancellationToken ct)
    {
        if (status is not null && !FailureStatus.IsKnown(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = [$"'{status}' is not a status; use {FailureStatus.Failed} or {FailureStatus.Replayed}."],
            });
        }

        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var caller);
        var answers = await Task.WhenAll(ApiDocuments.Services.Select(service => services.ListAsync(service, status, caller, ct)));
        var failures = answers.Where(a => a.Failures is not null)
            .SelectMany(a => a.Failures!)
            .OrderByDescending(f => f.LastAttempt)
            .ThenBy(f => f.Service, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        var unavailable = answers.Where(a => a.Failures is null).Select(a => a.Service).ToList();
        return TypedResults.Ok(new FailuresOverview(failures, unavailable));
    }
}
