using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.Indicator.ReferenceData;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Indicator.Series;

/// <summary>
/// One year of an indicator's time series. <see cref="Source"/> is <c>platform</c> (calculated here; its
/// <see cref="Note"/> is the value's quality flag) or <c>reference</c> (published before the platform, with
/// the publication in <see cref="SourceUrl"/> and what to know about it in <see cref="Note"/>).
/// </summary>
public sealed record SeriesPoint(
    int Year,
    double? Value,
    double? Numerator,
    double? Denominator,
    int? Respondents,
    string Source,
    string? Note,
    string? SourceUrl)
{
    public const string Platform = "platform";
    public const string Reference = "reference";
}

public static class SeriesEndpoints
{
    private static readonly string[] Levels = [IndicatorLevels.Riket, IndicatorLevels.Lan, IndicatorLevels.Kommungrupp, IndicatorLevels.Organisation];

    public static RouteGroupBuilder MapSeriesEndpoints(this RouteGroupBuilder indicators)
    {
        indicators.MapGet("/{code}/series", GetSeries)
            .RequireAuthorization(PlatformPolicies.Authenticated)
            .WithSummary("An indicator's value in every year, with published national values of earlier years as reference points")
            .Produces(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return indicators;
    }

    public static async Task<Results<Ok<IReadOnlyList<SeriesPoint>>, NotFound, ProblemHttpResult>> GetSeries(
        string code,
        [Description("riket (default), lan, kommungrupp or organisation.")] string? level,
        [Description("The area: a lanskod, a kommungrupp or an organisation id; for riket SE (default) or the name of a verksamhet of the reference values, e.g. Äldreomsorg.")]
        string? area,
        ClaimsPrincipal user,
        DefinitionStore definitions,
        RoundStates rounds,
        CalculationStore calculations,
        NationalValues reference,
        CancellationToken ct)
    {
        level ??= IndicatorLevels.Riket;
        if (!Levels.Contains(level))
        {
            return ValueEndpoints.Invalid("level", $"level must be one of {string.Join(", ", Levels)}");
        }

        if (level != IndicatorLevels.Riket && string.IsNullOrWhiteSpace(area))
        {
            return ValueEndpoints.Invalid("area", $"area is required for level {level}: a lanskod, a kommungrupp or an organisation id");
        }

        if (!ValueEndpoints.MayRead(user, level, area ?? string.Empty))
        {
            return TypedResults.Problem($"This client may read organisation-level values only of its own organisations, not of {area}.",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        if (await definitions.LatestAsync(code, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var national = level == IndicatorLevels.Riket && (area is null || area == IndicatorCalculator.RiketArea);
        var platform = await PlatformPointsAsync(code, level, national ? IndicatorCalculator.RiketArea : area!, rounds, calculations, ct);
        var published = level != IndicatorLevels.Riket ? [] : reference.For(code, national ? null : area)
            .Where(p => !platform.ContainsKey(p.Year))
            .Select(p => new SeriesPoint(p.Year, p.Value, null, null, p.Respondents, SeriesPoint.Reference, p.Note, p.Source));
        return TypedResults.Ok<IReadOnlyList<SeriesPoint>>([.. platform.Values.Concat(published).OrderBy(p => p.Year)]);
    }

    /// <summary>Per year the value of the round calculated last, when a year had more than one round.</summary>
    private static async Task<Dictionary<int, SeriesPoint>> PlatformPointsAsync(
        string code, string level, string area, RoundStates rounds, CalculationStore calculations, CancellationToken ct)
    {
        var latest = new Dictionary<int, (CalculationDocument Calculation, CalculatedValue Value)>();
        foreach (var round in await rounds.OfYearAsync(null, ct))
        {
            if (round.LastCalculationId is null || await calculations.GetAsync(round.LastCalculationId, ct) is not { } calculation ||
                calculation.Values.FirstOrDefault(v => v.Indicator == code && v.Level == level && v.Area == area) is not { } value)
            {
                continue;
            }

            if (!latest.TryGetValue(calculation.Year, out var known) || Later(calculation, known.Calculation))
            {
                latest[calculation.Year] = (calculation, value);
            }
        }

        return latest.ToDictionary(
            year => year.Key,
            year => new SeriesPoint(year.Key, year.Value.Value.Value, year.Value.Value.Numerator, year.Value.Value.Denominator,
                year.Value.Value.Respondents, SeriesPoint.Platform, year.Value.Value.Quality, null));
    }

    private static bool Later(CalculationDocument candidate, CalculationDocument known) =>
        candidate.CalculatedAt != known.CalculatedAt
            ? candidate.CalculatedAt > known.CalculatedAt
            : string.CompareOrdinal(candidate.RoundId, known.RoundId) > 0;
}
