using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.ServiceDefaults.Audit;

public static class AuditEndpoints
{
    public const string Path = "/api/v1/audit";

    public static WebApplication MapAuditLog(this WebApplication app)
    {
        app.MapGet(Path, ListAsync)
            .RequireAuthorization(PlatformPolicies.Kansli)
            .WithName("ListAuditEntries")
            .WithSummary("The writes this service received, newest first: client, organisations, method, route, resource, time, trace id and status. Never bodies.")
            .WithTags("Audit")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    /// <param name="clientId">Only the writes of this client.</param>
    /// <param name="limit">At most this many entries (1-1000, default 100).</param>
    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> ListAsync(
        string? clientId, int? limit, AuditLog log, CancellationToken ct)
    {
        if (Invalid(limit) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await log.ListAsync(clientId, limit ?? AuditLog.DefaultLimit, ct));
    }

    /// <summary>A 422 naming the limit when it is out of range, as every validation answer of the platform is.</summary>
    public static ProblemHttpResult? Invalid(int? limit) =>
        limit is < 1 or > AuditLog.MaxLimit
            ? TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["limit"] = [$"From 1 to {AuditLog.MaxLimit}."] })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The query is not valid",
            })
            : null;
}
