using System.Globalization;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Reporting.Rendering;

/// <summary>Numbers and dates as a Swedish reader expects them: "70,0 %", "1 234", "+3,5 procentenheter", "23 november 2026".</summary>
public static class SwedishText
{
    public const string NoTarget = "inget kvantifierat mål";
    public const string NoValue = "–";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly TimeZoneInfo Sweden = FindSwedishTime();

    /// <summary>
    /// sv-SE groups digits with a non-breaking space and writes minus as U+2212; plain characters keep the
    /// text searchable and copyable from the PDF and comparable in tests.
    /// </summary>
    public static string Plain(string text) =>
        text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2212', '-');

    public static string Number(double value) => Plain(value.ToString("#,##0.#", Swedish));

    /// <summary>One decimal, as every value of the report is published: "66,7".</summary>
    public static string Decimal(double value) => Plain(value.ToString("N1", Swedish));

    public static string Value(double? value, IndicatorDescription indicator)
    {
        if (value is not { } v)
        {
            return NoValue;
        }

        var number = Decimal(v);
        return IsPercent(indicator) ? number + " %"
            : string.IsNullOrWhiteSpace(indicator.Unit) ? number
            : number + " " + indicator.Unit.Trim();
    }

    /// <summary>A change with its sign, in percentage points for shares: "+3,5 procentenheter", "-1,0 st".</summary>
    public static string Change(double? change, IndicatorDescription indicator)
    {
        if (change is not { } c)
        {
            return NoValue;
        }

        var number = Signed(c);
        return IsPercent(indicator) ? number + " procentenheter"
            : string.IsNullOrWhiteSpace(indicator.Unit) ? number
            : number + " " + indicator.Unit.Trim();
    }

    /// <summary>"+3,5", "-1,0", "±0,0".</summary>
    public static string Signed(double change) =>
        Math.Round(change, 1) == 0 ? "±0,0" : Plain(change.ToString("+#,##0.0;-#,##0.0", Swedish));

    /// <summary>A share of 1 as a percentage: 0.993 → "99,3 %".</summary>
    public static string Percent(double share) => Decimal(100 * share) + " %";

    public static string Fraction(IndicatorValue value) => $"{Number(value.Numerator)} / {Number(value.Denominator)}";

    public static string Target(StrategyTarget? target, IndicatorDescription indicator) =>
        target?.TargetValue is { } goal ? $"{Value(goal, indicator)} till {target.TargetYear}" : NoTarget;

    public static string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Sweden).ToString("d MMMM yyyy", Swedish);

    public static string DateTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Sweden).ToString("d MMMM yyyy 'kl.' HH:mm", Swedish);

    public static string Organisations(int count) => Count(count, "organisation", "organisationer");

    /// <summary>"1 värde", "12 värden".</summary>
    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{Number(count)} {many}";

    /// <summary>"A", "A och B", "A, B och C".</summary>
    public static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " och " + items[^1];

    public static bool IsPercent(IndicatorDescription indicator) =>
        indicator.Unit.Trim().ToLowerInvariant() is "%" or "procent" or "percent"
        || (string.IsNullOrWhiteSpace(indicator.Unit) && indicator.Kind is "share" or "ratio");

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
