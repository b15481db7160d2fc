using SkiaSharp;
using VisionEHalsa.Reporting.Content;

namespace VisionEHalsa.Reporting.Rendering.Charts;

/// <summary>An indicator's national value over the years, each point labelled, with its target as a dashed line.</summary>
public sealed record SeriesChart(
    string Title, IReadOnlyList<SeriesPoint> Points, int FirstYear, int LastYear, double Max, double? Target, string? TargetLabel, Func<double, string> Format)
{
    private const float TitleSize = 8;
    private const float LabelSize = 6.5f;

    public void Draw(IChartCanvas canvas, SKRect box)
    {
        canvas.Text(Title, box.Left, box.Top + TitleSize, TitleSize, ChartColors.Text, bold: true);
        var ticks = BarChart.Ticks(Max).ToList();
        var axisWidth = ticks.Max(t => canvas.Measure(SwedishText.Number(t), LabelSize)) + 4;
        var (left, right) = (box.Left + axisWidth + 2, box.Right - 8);
        var (top, bottom) = (box.Top + TitleSize + 12, box.Bottom - LabelSize - 6);
        var years = LastYear - FirstYear;
        float X(int year) => years == 0 ? (left + right) / 2 : left + 10 + (right - left - 20) * (year - FirstYear) / years;
        float Y(double value) => bottom - (float)(Math.Clamp(value / Max, 0, 1) * (bottom - top));

        foreach (var tick in ticks)
        {
            canvas.Line(left, Y(tick), right, Y(tick), ChartColors.Grid, 0.5f);
            canvas.Text(SwedishText.Number(tick), left - 4, Y(tick) + LabelSize * 0.35f, LabelSize, ChartColors.Muted, TextAnchor.End);
        }

        canvas.Line(left, bottom, right, bottom, ChartColors.Axis, 0.7f);
        var every = years > 9 ? 2 : 1;
        for (var year = FirstYear; year <= LastYear; year++)
        {
            if ((LastYear - year) % every == 0)
            {
                canvas.Text(year.ToString(System.Globalization.CultureInfo.InvariantCulture), X(year), bottom + LabelSize + 3, LabelSize, ChartColors.Muted, TextAnchor.Middle);
            }
        }

        if (Target is { } target)
        {
            canvas.Line(left, Y(target), right, Y(target), ChartColors.Target, 1, dashed: true);
            canvas.Text(TargetLabel ?? string.Empty, right, Y(target) - 3, LabelSize, ChartColors.Target, TextAnchor.End, bold: true);
        }

        var points = Points.Where(p => p.Year >= FirstYear && p.Year <= LastYear).OrderBy(p => p.Year).ToList();
        if (points.Count > 1)
        {
            canvas.Polyline(points.Select(p => new SKPoint(X(p.Year), Y(p.Value))).ToList(), ChartColors.Value, 1.5f);
        }

        foreach (var point in points)
        {
            canvas.Circle(X(point.Year), Y(point.Value), 2.2f, ChartColors.Value);
            var above = Y(point.Value) - 4 > top + 2;
            canvas.Text(Format(point.Value), X(point.Year), above ? Y(point.Value) - 4 : Y(point.Value) + LabelSize + 3, LabelSize, ChartColors.Text, TextAnchor.Middle);
        }
    }
}
