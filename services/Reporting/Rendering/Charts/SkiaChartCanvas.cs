using SkiaSharp;

namespace VisionEHalsa.Reporting.Rendering.Charts;

/// <summary>Draws charts straight onto a Skia canvas: on a PDF page they stay vectors and real, extractable text.</summary>
public sealed class SkiaChartCanvas(SKCanvas canvas) : IChartCanvas, IDisposable
{
    private readonly ChartFonts _fonts = new();

    public void Line(float x1, float y1, float x2, float y2, SKColor color, float width, bool dashed = false)
    {
        using var paint = Stroke(color, width);
        paint.PathEffect = dashed ? SKPathEffect.CreateDash([3f, 2f], 0) : null;
        canvas.DrawLine(x1, y1, x2, y2, paint);
    }

    public void Rect(float x, float y, float width, float height, SKColor color)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
        canvas.DrawRect(x, y, width, height, paint);
    }

    public void Circle(float x, float y, float radius, SKColor color)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawCircle(x, y, radius, paint);
    }

    public void Polyline(IReadOnlyList<SKPoint> points, SKColor color, float width)
    {
        using var paint = Stroke(color, width);
        paint.StrokeJoin = SKStrokeJoin.Round;
        using var path = new SKPath();
        path.AddPoly([.. points], close: false);
        canvas.DrawPath(path, paint);
    }

    public void Text(string text, float x, float baseline, float size, SKColor color, TextAnchor anchor = TextAnchor.Start, bool bold = false)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var align = anchor switch { TextAnchor.Middle => SKTextAlign.Center, TextAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Left };
        canvas.DrawText(text, x, baseline, align, _fonts.Font(size, bold), paint);
    }

    public float Measure(string text, float size, bool bold = false) => _fonts.Measure(text, size, bold);

    public void Dispose() => _fonts.Dispose();

    private static SKPaint Stroke(SKColor color, float width) =>
        new() { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };
}
