using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Inputs;

namespace VisionEHalsa.Reporting.Rendering.Charts;

/// <summary>The charts of an indicator, the same in every format: its series, its spread over län and over kommungrupper.</summary>
public static class IndicatorCharts
{
    public static SeriesChart Series(ReportIndicator indicator)
    {
        var first = indicator.Series.Count == 0 ? indicator.Year : Math.Max(indicator.Series.Min(p => p.Year), indicator.Year - ReportInputs.SeriesYears + 1);
        var target = indicator.Target?.TargetValue;
        var label = target is { } t ? $"Mål {SwedishText.Value(t, indicator.Description)} ({indicator.Target!.TargetYear})" : null;
        var title = first == indicator.Year ? $"Riket {indicator.Year}" : $"Riket {first}–{indicator.Year}";
        return new SeriesChart(title, indicator.Series, first, indicator.Year,
            Max(indicator, indicator.Series.Select(p => p.Value).Append(target ?? 0)), target, label, SwedishText.Decimal);
    }

    public static BarChart Lan(ReportIndicator indicator) => new(
        $"Per län {indicator.Year}",
        indicator.Lan.OrderByDescending(v => v.Value ?? double.MinValue).ThenBy(v => v.Area, StringComparer.Ordinal)
            .Select(v => new Bar(v.AreaName, v.Value, IsUncertain(v))).ToList(),
        Max(indicator, indicator.Lan.Select(v => v.Value ?? 0)),
        indicator.National?.Value, "Riket", SwedishText.Decimal);

    public static BarChart Kommungrupper(ReportIndicator indicator) => new(
        $"Per kommungrupp {indicator.Year}",
        indicator.Kommungrupper.Select(v => new Bar(Content.Kommungrupper.ShortLabel(v.Area, v.AreaName), v.Value, IsUncertain(v))).ToList(),
        Max(indicator, indicator.Kommungrupper.Select(v => v.Value ?? 0)),
        indicator.National?.Value, "Riket", SwedishText.Decimal);

    /// <summary>Every indicator's national value side by side, for the summary.</summary>
    public static BarChart Overview(ReportContent content) => new(
        $"Nyckeltalen i riket {content.Year} (andel, %)",
        content.Indicators.Where(i => i.IsPercent).OrderByDescending(i => i.National?.Value ?? double.MinValue)
            .Select(i => new Bar(i.Name, i.National?.Value, i.National is { } n && IsUncertain(n))).ToList(),
        100, null, string.Empty, SwedishText.Decimal, LabelsAbove: true);

    public static bool IsUncertain(IndicatorValue value) => value.Denominator < SummaryFindings.SmallDenominator;

    /// <summary>Shares run to 100 %; other units to a round number above the largest value.</summary>
    private static double Max(ReportIndicator indicator, IEnumerable<double> values)
    {
        if (indicator.IsPercent)
        {
            return 100;
        }

        var largest = values.Append(indicator.National?.Value ?? 0).Max();
        if (largest <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(largest)));
        return Math.Ceiling(largest * 1.1 / magnitude) * magnitude;
    }
}
