using System.Globalization;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Reporting.Rendering;

/// <summary>Numbers and dates as a Swedish reader expects them: "70,0 %", "1 234", "23 november 2026".</summary>
public static class SwedishText
{
    public const string NoTarget = "inget kvantifierat mål";
    public const string NoValue = "–";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly TimeZoneInfo Sweden = FindSwedishTime();

    /// <summary>
    /// sv-SE groups digits with a non-breaking space and writes minus as U+2212; plain characters keep the
    /// text searchable and copyable from the PDF.
    /// </summary>
    public static string Plain(string text) =>
        text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2212', '-');

    public static string Number(double value) => Plain(value.ToString("#,##0.#", Swedish));

    public static string Value(double? value, IndicatorDescription indicator)
    {
        if (value is not { } v)
        {
            return NoValue;
        }

        var number = Plain(v.ToString("N1", Swedish));
        return IsPercent(indicator) ? number + " %"
            : string.IsNullOrWhiteSpace(indicator.Unit) ? number
            : number + " " + indicator.Unit.Trim();
    }

    public static string Fraction(IndicatorValue value) => $"{Number(value.Numerator)} / {Number(value.Denominator)}";

    public static string Target(StrategyTarget? target, IndicatorDescription indicator) =>
        target?.TargetValue is { } goal ? $"{Value(goal, indicator)} till {target.TargetYear}" : NoTarget;

    public static string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Sweden).ToString("d MMMM yyyy", Swedish);

    public static string Organisations(int count) => count == 1 ? "1 organisation" : $"{Number(count)} organisationer";

    private static bool IsPercent(IndicatorDescription indicator) =>
        indicator.Unit.Trim().ToLowerInvariant() is "%" or "procent" or "percent"
        || (string.IsNullOrWhiteSpace(indicator.Unit) && indicator.Kind == "share");

    private static TimeZoneInfo FindSwedishTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
