using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.ServiceDefaults.Operations;

/// <summary>The messages this service failed to consume: operators list them and replay them after a fix.</summary>
public static class OperationsEndpoints
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public static WebApplication MapOperations(this WebApplication app)
    {
        // Only a process that consumes messages has failures of its own; the gateway aggregates them instead.
        if (app.Services.GetService<FailureLog>() is null)
        {
            return app;
        }

        var failures = app.MapGroup("/api/v1/ops/failures")
            .RequireAuthorization(PlatformPolicies.Operations)
            .WithTags("Operations");

        failures.MapGet("", ListAsync)
            .WithName("ListFailedMessages")
            .WithSummary("Messages this service failed to consume after their retries, newest first (at most 500), without their bodies.")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);

        failures.MapGet("/{id}", GetAsync)
            .WithName("GetFailedMessage")
            .WithSummary("One failed message with its whole error text and the message as received.")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        failures.MapPost("/{id}/replay", ReplayAsync)
            .WithName("ReplayFailedMessage")
            .WithSummary("Sends the failed message again to the queue it failed on, once: a replayed failure is not sent again.")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="status">Only failures with this status: failed or replayed.</param>
    public static async Task<Results<Ok<IReadOnlyList<FailedMessageSummary>>, ValidationProblem>> ListAsync(
        string? status, FailureLog log, CancellationToken ct)
    {
        if (status is not null && !FailureStatus.IsKnown(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = [$"'{status}' is not a status; use {FailureStatus.Failed} or {FailureStatus.Replayed}."],
            });
        }

        var failures = await log.ListAsync(status, ct);
        return TypedResults.Ok<IReadOnlyList<FailedMessageSummary>>(failures.Select(f => f.ToSummary()).ToList());
    }

    public static async Task<Results<Ok<FailedMessageDetails>, ProblemHttpResult>> GetAsync(string id, FailureLog log, CancellationToken ct) =>
        await log.GetAsync(id, ct) is { } failure
            ? TypedResults.Ok(failure.ToDetails())
            : Unknown(id);

    public static async Task<Results<Ok<FailedMessageSummary>, ProblemHttpResult>> ReplayAsync(
        string id, ClaimsPrincipal user, FailureLog log, ISendEndpointProvider sendEndpoints, ILoggerFactory loggers, CancellationToken ct)
    {
        var failure = await log.GetAsync(id, ct);
        if (failure is null)
        {
            return Unknown(id);
        }

        if (failure.Status == FailureStatus.Replayed)
        {
            return TypedResults.Ok(failure.ToSummary());
        }

        var (message, type, problem) = FailureReplay.ReadMessage(failure);
        if (message is null || type is null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: "The message cannot be replayed");
        }

        // The flip comes first and only one replay wins it, so two replays never send the message twice.
        var replayed = failure with
        {
            Status = FailureStatus.Replayed,
            ReplayedAt = DateTimeOffset.UtcNow,
            ReplayedBy = user.ClientId(),
            Version = failure.Version + 1,
        };
        if (!await log.TryReplaceAsync(replayed, failure.Version, ct))
        {
            var current = await log.GetAsync(id, ct);
            return current is null ? Unknown(id) : TypedResults.Ok(current.ToSummary());
        }

        try
        {
            // Not the request's token: a caller that goes away must not leave the record flipped but the message unsent.
            using var timeout = new CancellationTokenSource(SendTimeout);
            await FailureReplay.SendAsync(sendEndpoints, failure, message, type, timeout.Token);
        }
        catch (Exception e)
        {
            loggers.CreateLogger(typeof(OperationsEndpoints)).LogWarning(e, "Replay of failure {FailureId} could not be sent", id);
            // Not sent, so it is still a failure to replay; CancellationToken.None because the flip must be undone.
            await log.TryReplaceAsync(failure with { Version = replayed.Version + 1 }, replayed.Version, CancellationToken.None);
            return TypedResults.Problem("The broker did not accept the message; the failure can be replayed again.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Replay not sent");
        }

        return TypedResults.Ok(replayed.ToSummary());
    }

    private static ProblemHttpResult Unknown(string id) =>
        TypedResults.Problem($"There is no failed message '{id}' in this service.", statusCode: StatusCodes.Status404NotFound, title: "Unknown failure");
}
