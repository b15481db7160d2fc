using System.Globalization;
using System.Text;
using SkiaSharp;
using VisionEHalsa.Reporting.Fonts;

namespace VisionEHalsa.Reporting.Rendering.Charts;

/// <summary>
/// Writes charts as inline SVG for the HTML report. Text is measured with the same DejaVu faces as the PDF,
/// and the SVG asks for that family first, so labels fit the same way.
/// </summary>
public sealed class SvgChartCanvas(float width, float height, string title) : IChartCanvas, IDisposable
{
    private readonly StringBuilder _svg = new();
    private readonly ChartFonts _fonts = new();

    public void Line(float x1, float y1, float x2, float y2, SKColor color, float width, bool dashed = false) =>
        _svg.Append(Inv($"<line x1=\"{x1:0.##}\" y1=\"{y1:0.##}\" x2=\"{x2:0.##}\" y2=\"{y2:0.##}\" stroke=\"{Hex(color)}\" stroke-width=\"{width:0.##}\""))
            .Append(dashed ? " stroke-dasharray=\"3 2\"" : string.Empty).Append("/>");

    public void Rect(float x, float y, float width, float height, SKColor color) =>
        _svg.Append(Inv($"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{width:0.##}\" height=\"{height:0.##}\" fill=\"{Hex(color)}\"/>"));

    public void Circle(float x, float y, float radius, SKColor color) =>
        _svg.Append(Inv($"<circle cx=\"{x:0.##}\" cy=\"{y:0.##}\" r=\"{radius:0.##}\" fill=\"{Hex(color)}\"/>"));

    public void Polyline(IReadOnlyList<SKPoint> points, SKColor color, float width) =>
        _svg.Append("<polyline fill=\"none\" stroke-linejoin=\"round\" points=\"")
            .AppendJoin(' ', points.Select(p => Inv($"{p.X:0.##},{p.Y:0.##}")))
            .Append(Inv($"\" stroke=\"{Hex(color)}\" stroke-width=\"{width:0.##}\"/>"));

    public void Text(string text, float x, float baseline, float size, SKColor color, TextAnchor anchor = TextAnchor.Start, bool bold = false)
    {
        var align = anchor switch { TextAnchor.Middle => " text-anchor=\"middle\"", TextAnchor.End => " text-anchor=\"end\"", _ => string.Empty };
        _svg.Append(Inv($"<text x=\"{x:0.##}\" y=\"{baseline:0.##}\" font-size=\"{size:0.##}\" fill=\"{Hex(color)}\"")).Append(align)
            .Append(bold ? " font-weight=\"bold\"" : string.Empty).Append('>').Append(Html.HtmlText.Escape(text)).Append("</text>");
    }

    public float Measure(string text, float size, bool bold = false) => _fonts.Measure(text, size, bold);

    /// <summary>The finished element; it scales to its container's width and keeps its proportions.</summary>
    public string ToSvg() =>
        Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:0.##} {height:0.##}\" role=\"img\" font-family=\"'{ReportFonts.Family}', Verdana, sans-serif\">")
        + "<title>" + Html.HtmlText.Escape(title) + "</title>" + _svg + "</svg>";

    public void Dispose() => _fonts.Dispose();

    private static string Hex(SKColor color) => $"#{color.Red:X2}{color.Green:X2}{color.Blue:X2}";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
