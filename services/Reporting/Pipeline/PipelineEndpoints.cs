using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.Reporting.Editions;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Reporting.Pipeline;

public sealed record PipelineStep(string Id, DateTimeOffset At, string? TraceId);

public sealed record RoundPipeline(string RoundId, int Year, PipelineStep? LastResponse, PipelineStep? LastRecalculation, PipelineStep? LastEdition);

public sealed record ResponsePipeline(
    string RoundId, string OrganisationId, int Version, DateTimeOffset AcceptedAt, string? TraceId, PipelineStep? Calculation, PipelineStep? Edition);

/// <summary><c>/api/v1/pipeline</c>: the operator's view of a round and of one response, with the trace ids to follow.</summary>
public static class PipelineEndpoints
{
    public static RouteGroupBuilder MapPipeline(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(PlatformPolicies.Operations);
        group.MapGet("/rounds/{roundId}", GetRoundAsync).WithName("GetRoundPipeline")
            .WithSummary("The last accepted response, recalculation and report edition of a round, each with its time and trace id")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/responses/{roundId}/{organisationId}", GetResponseAsync).WithName("GetResponsePipeline")
            .WithSummary("Where one organisation's latest response is: accepted, in which calculation, in which edition")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    public static async Task<Results<Ok<RoundPipeline>, NotFound<ProblemDetailsBody>>> GetRoundAsync(
        string roundId, PipelineTrail trail, ReportEditions editions, CancellationToken ct)
    {
        if (await trail.RoundAsync(roundId, ct) is not { } round)
        {
            return TypedResults.NotFound(ProblemDetailsBody.For($"No response of round '{roundId}' has passed through the pipeline."));
        }

        var last = round.Calculations.MaxBy(c => c.CalculatedAt);
        var edition = await FirstEditionWithAsync(round.Year, round.Calculations.Select(c => c.CalculationId).ToHashSet(), editions, latest: true, ct);
        return TypedResults.Ok(new RoundPipeline(
            round.Id,
            round.Year,
            round.LastResponse is { } r ? new PipelineStep($"{r.OrganisationId} v{r.Version}", r.ReceivedAt, r.TraceId) : null,
            last is null ? null : new PipelineStep(last.CalculationId, last.CalculatedAt, last.TraceId),
            edition));
    }

    public static async Task<Results<Ok<ResponsePipeline>, NotFound<ProblemDetailsBody>>> GetResponseAsync(
        string roundId, string organisationId, PipelineTrail trail, ReportEditions editions, CancellationToken ct)
    {
        if (await trail.ResponseAsync(roundId, organisationId, ct) is not { } response)
        {
            return TypedResults.NotFound(ProblemDetailsBody.For($"No response of {organisationId} to round '{roundId}' has passed through the pipeline."));
        }

        // The first calculation whose watermark reaches the response's acceptance includes it (latest version wins).
        var round = await trail.RoundAsync(roundId, ct);
        var including = round?.Calculations.Where(c => c.Watermark >= response.ReceivedAt).OrderBy(c => c.CalculatedAt).ToList() ?? [];
        var calculation = including.FirstOrDefault();
        var edition = including.Count == 0
            ? null
            : await FirstEditionWithAsync(response.Year, including.Select(c => c.CalculationId).ToHashSet(), editions, latest: false, ct);
        return TypedResults.Ok(new ResponsePipeline(
            roundId, organisationId, response.Version, response.ReceivedAt, response.TraceId,
            calculation is null ? null : new PipelineStep(calculation.CalculationId, calculation.CalculatedAt, calculation.TraceId),
            edition));
    }

    private static async Task<PipelineStep?> FirstEditionWithAsync(int year, HashSet<string> calculationIds, ReportEditions editions, bool latest, CancellationToken ct)
    {
        var matching = (await editions.ListAsync(year, ct)).Where(e => e.BasedOn.CalculationIds.Any(calculationIds.Contains));
        var edition = latest ? matching.MaxBy(e => e.Edition) : matching.MinBy(e => e.Edition);
        return edition is null ? null : new PipelineStep($"{edition.Year}/{edition.Edition}", edition.GeneratedAt, TraceIdOf(edition.TraceParent));
    }

    private static string? TraceIdOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var context) ? context.TraceId.ToString() : null;
}

/// <summary>A problem details body for typed 404s that OpenAPI can describe.</summary>
public sealed record ProblemDetailsBody(string Title, int Status, string Detail)
{
    public static ProblemDetailsBody For(string detail) => new("Not found", StatusCodes.Status404NotFound, detail);
}
