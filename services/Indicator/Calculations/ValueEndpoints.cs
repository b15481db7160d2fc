using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Indicator.Calculations;

/// <summary>One value of <c>GET /api/v1/indicators/values</c>. <see cref="Value"/> is null when the denominator is 0.</summary>
public sealed record IndicatorValueRow(
    string Indicator,
    int Year,
    string Level,
    string Area,
    string AreaName,
    double? Value,
    double Numerator,
    double Denominator,
    int Respondents);

public static class ValueEndpoints
{
    private static readonly string[] Levels = [IndicatorLevels.Riket, IndicatorLevels.Lan, IndicatorLevels.Kommungrupp, IndicatorLevels.Organisation];

    public static RouteGroupBuilder MapValueEndpoints(this RouteGroupBuilder indicators)
    {
        indicators.MapGet("/values", GetValues)
            .RequireAuthorization(PlatformPolicies.Authenticated)
            .WithSummary("Values from the latest calculation of each round of a year")
            .Produces(StatusCodes.Status401Unauthorized);
        return indicators;
    }

    public static async Task<Results<Ok<IReadOnlyList<IndicatorValueRow>>, ValidationProblem>> GetValues(
        [Description("The survey year; all years when left out.")] int? year,
        [Description("An indicator code; all indicators when left out.")] string? indicator,
        [Description("riket, lan, kommungrupp or organisation; all levels when left out.")] string? level,
        RoundStates rounds,
        CalculationStore calculations,
        CancellationToken ct)
    {
        if (level is not null && !Levels.Contains(level))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["level"] = [$"level must be one of {string.Join(", ", Levels)}"],
            });
        }

        var rows = new List<IndicatorValueRow>();
        foreach (var round in await rounds.OfYearAsync(year, ct))
        {
            if (round.LastCalculationId is null || await calculations.GetAsync(round.LastCalculationId, ct) is not { } calculation)
            {
                continue;
            }

            rows.AddRange(calculation.Values
                .Where(v => (indicator is null || v.Indicator == indicator) && (level is null || v.Level == level))
                .Select(v => new IndicatorValueRow(v.Indicator, calculation.Year, v.Level, v.Area, v.AreaName, v.Value, v.Numerator, v.Denominator, v.Respondents)));
        }

        return TypedResults.Ok<IReadOnlyList<IndicatorValueRow>>(
        [
            .. rows.OrderBy(r => r.Indicator, StringComparer.Ordinal)
                .ThenBy(r => r.Year)
                .ThenBy(r => Array.IndexOf(Levels, r.Level))
                .ThenBy(r => r.Area, StringComparer.Ordinal),
        ]);
    }
}
