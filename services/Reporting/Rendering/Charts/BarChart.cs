using SkiaSharp;

namespace VisionEHalsa.Reporting.Rendering.Charts;

/// <summary>One bar; <see cref="Uncertain"/> bars (small denominators) are drawn pale and marked with *.</summary>
public sealed record Bar(string Label, double? Value, bool Uncertain);

/// <summary>
/// Horizontal bars from 0 to <see cref="Max"/>, each labelled with its value, and a dashed line at the
/// <see cref="Reference"/> (riket) so every area reads against the national value.
/// </summary>
/// With <see cref="LabelsAbove"/> each label gets its own line above its bar, for long names.
public sealed record BarChart(
    string Title, IReadOnlyList<Bar> Bars, double Max, double? Reference, string ReferenceLabel, Func<double, string> Format, bool LabelsAbove = false)
{
    /// <summary>The height a chart of <paramref name="bars"/> bars needs at <paramref name="row"/> points a bar.</summary>
    public static float HeightFor(int bars, float row) => bars * row + 34;

    private const float TitleSize = 8;
    private const float LabelSize = 6.8f;
    private const float TickSize = 6;

    public void Draw(IChartCanvas canvas, SKRect box)
    {
        canvas.Text(Title, box.Left, box.Top + TitleSize, TitleSize, ChartColors.Text, bold: true);
        var labelWidth = LabelsAbove ? 0 : Math.Min(box.Width * 0.55f, Bars.Select(b => canvas.Measure(b.Label, LabelSize)).DefaultIfEmpty(0).Max() + 6);
        var valueWidth = canvas.Measure("100,0 *", LabelSize) + 4;
        var (left, right) = (box.Left + labelWidth, box.Right - valueWidth);
        var top = box.Top + TitleSize + 14;
        var bottom = box.Bottom - TickSize - 4;
        var row = Bars.Count == 0 ? 0 : Math.Min(LabelsAbove ? 22f : 13f, (bottom - top) / Bars.Count);
        float X(double value) => left + (float)(Math.Clamp(value / Max, 0, 1) * (right - left));

        Grid(canvas, left, right, top, top + row * Bars.Count, X);
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var y = top + i * row;
            var (barTop, barHeight) = LabelsAbove ? (y + LabelSize + 2, row - LabelSize - 5) : (y + row * 0.18f, row * 0.64f);
            var middle = barTop + barHeight / 2 + LabelSize * 0.35f;
            if (LabelsAbove)
            {
                canvas.Text(Fit(canvas, bar.Label, box.Width), left, y + LabelSize, LabelSize, ChartColors.Text);
            }
            else
            {
                canvas.Text(Fit(canvas, bar.Label, labelWidth - 6), left - 4, middle, LabelSize, ChartColors.Text, TextAnchor.End);
            }

            if (bar.Value is { } value)
            {
                var end = X(value);
                canvas.Rect(left, barTop, Math.Max(end - left, 0.8f), barHeight, bar.Uncertain ? ChartColors.Uncertain : ChartColors.Value);
                canvas.Text(Format(value) + (bar.Uncertain ? " *" : string.Empty), end + 3, middle, LabelSize, ChartColors.Text);
            }
            else
            {
                canvas.Text(SwedishText.NoValue, left + 3, middle, LabelSize, ChartColors.Muted);
            }
        }

        if (Reference is { } reference)
        {
            var x = X(reference);
            canvas.Line(x, top - 3, x, top + row * Bars.Count, ChartColors.Reference, 1, dashed: true);
            var label = $"{ReferenceLabel} {Format(reference)}";
            var anchor = x + canvas.Measure(label, TickSize) / 2 > box.Right ? TextAnchor.End : TextAnchor.Middle;
            canvas.Text(label, anchor == TextAnchor.End ? box.Right : x, top - 5, TickSize, ChartColors.Reference, anchor, bold: true);
        }
    }

    private void Grid(IChartCanvas canvas, float left, float right, float top, float bottom, Func<double, float> x)
    {
        foreach (var tick in Ticks(Max))
        {
            canvas.Line(x(tick), top, x(tick), bottom, ChartColors.Grid, 0.5f);
            canvas.Text(SwedishText.Number(tick), x(tick), bottom + TickSize + 3, TickSize, ChartColors.Muted, TextAnchor.Middle);
        }

        canvas.Line(left, top, left, bottom, ChartColors.Axis, 0.7f);
    }

    /// <summary>Four or five round steps from 0 to max.</summary>
    public static IEnumerable<double> Ticks(double max)
    {
        var step = Math.Pow(10, Math.Floor(Math.Log10(max)));
        step = max / step >= 5 ? step : max / step >= 2 ? step / 2 : step / 4;
        for (var tick = 0.0; tick <= max + step / 1000; tick += step)
        {
            yield return Math.Round(tick, 6);
        }
    }

    private static string Fit(IChartCanvas canvas, string label, float width)
    {
        if (canvas.Measure(label, LabelSize) <= width)
        {
            return label;
        }

        while (label.Length > 2 && canvas.Measure(label + "…", LabelSize) > width)
        {
            label = label[..^1];
        }

        return label.TrimEnd() + "…";
    }
}
