using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Indicator.Calculations;

/// <summary>
/// One value of <c>GET /api/v1/indicators/values</c>. <see cref="Value"/> is null when the denominator is 0;
/// <see cref="Expected"/> and <see cref="Coverage"/> are null where the round's population is not known;
/// <see cref="Quality"/> is <c>low_coverage</c> (coverage below 0.6), <c>small_denominator</c> (below 5) or null.
/// </summary>
public sealed record IndicatorValueRow(
    string Indicator,
    int Year,
    string Level,
    string Area,
    string AreaName,
    double? Value,
    double Numerator,
    double Denominator,
    int Respondents,
    int? Expected,
    double? Coverage,
    string? Quality);

public static class ValueEndpoints
{
    private static readonly string[] Levels = [IndicatorLevels.Riket, IndicatorLevels.Lan, IndicatorLevels.Kommungrupp, IndicatorLevels.Organisation];

    public static RouteGroupBuilder MapValueEndpoints(this RouteGroupBuilder indicators)
    {
        indicators.MapGet("/values", GetValues)
            .RequireAuthorization(PlatformPolicies.Authenticated)
            .WithSummary("Values from the latest calculation of each round of a year, with coverage and a quality flag; organisation-level values only of the organisations the client acts for")
            .Produces(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return indicators;
    }

    public static async Task<Results<Ok<IReadOnlyList<IndicatorValueRow>>, ProblemHttpResult>> GetValues(
        [Description("The survey year; all years when left out.")] int? year,
        [Description("An indicator code; all indicators when left out.")] string? indicator,
        [Description("riket, lan, kommungrupp or organisation; all levels when left out.")] string? level,
        ClaimsPrincipal user,
        RoundStates rounds,
        CalculationStore calculations,
        CancellationToken ct)
    {
        if (level is not null && !Levels.Contains(level))
        {
            return Invalid("level", $"level must be one of {string.Join(", ", Levels)}");
        }

        var rows = new List<IndicatorValueRow>();
        foreach (var round in await rounds.OfYearAsync(year, ct))
        {
            if (round.LastCalculationId is null || await calculations.GetAsync(round.LastCalculationId, ct) is not { } calculation)
            {
                continue;
            }

            rows.AddRange(calculation.Values
                .Where(v => (indicator is null || v.Indicator == indicator) && (level is null || v.Level == level) && MayRead(user, v.Level, v.Area))
                .Select(v => new IndicatorValueRow(v.Indicator, calculation.Year, v.Level, v.Area, v.AreaName, v.Value, v.Numerator, v.Denominator,
                    v.Respondents, v.Expected, v.Coverage, v.Quality)));
        }

        return TypedResults.Ok<IReadOnlyList<IndicatorValueRow>>(
        [
            .. rows.OrderBy(r => r.Indicator, StringComparer.Ordinal)
                .ThenBy(r => r.Year)
                .ThenBy(r => Array.IndexOf(Levels, r.Level))
                .ThenBy(r => r.Area, StringComparer.Ordinal),
        ]);
    }

    /// <summary>
    /// An organisation's own value can give its answers away (a share of one is its yes or no), so a partner reads
    /// organisation-level values only of its own organisations, as it reads only its own responses; the kansli reads all.
    /// </summary>
    public static bool MayRead(ClaimsPrincipal user, string level, string area) =>
        level != IndicatorLevels.Organisation || user.MayActFor(area);

    /// <summary>A 422 naming the query parameter at fault, as every validation answer of the platform is.</summary>
    public static ProblemHttpResult Invalid(string parameter, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The query is not valid",
        });
}
