using SkiaSharp;

namespace VisionEHalsa.Reporting.Rendering.Charts;

public enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>
/// The few drawing operations the charts use. A chart is laid out once against this and drawn either on
/// the PDF's page (vectors) or as SVG for the HTML report, so both show the same chart.
/// </summary>
public interface IChartCanvas
{
    void Line(float x1, float y1, float x2, float y2, SKColor color, float width, bool dashed = false);

    void Rect(float x, float y, float width, float height, SKColor color);

    void Circle(float x, float y, float radius, SKColor color);

    void Polyline(IReadOnlyList<SKPoint> points, SKColor color, float width);

    /// <summary>Text on <paramref name="baseline"/>, anchored at <paramref name="x"/>.</summary>
    void Text(string text, float x, float baseline, float size, SKColor color, TextAnchor anchor = TextAnchor.Start, bool bold = false);

    float Measure(string text, float size, bool bold = false);
}
