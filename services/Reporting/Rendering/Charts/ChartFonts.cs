using SkiaSharp;
using VisionEHalsa.Reporting.Fonts;

namespace VisionEHalsa.Reporting.Rendering.Charts;

/// <summary>The report's faces at the sizes a chart asks for, created once per chart canvas.</summary>
public sealed class ChartFonts : IDisposable
{
    private readonly Dictionary<(float, bool), SKFont> _fonts = [];

    public SKFont Font(float size, bool bold)
    {
        if (!_fonts.TryGetValue((size, bold), out var font))
        {
            font = new SKFont(bold ? ReportFonts.Bold : ReportFonts.Regular, size) { Subpixel = true, Hinting = SKFontHinting.None };
            _fonts[(size, bold)] = font;
        }

        return font;
    }

    public float Measure(string text, float size, bool bold) => Font(size, bold).MeasureText(text);

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }
    }
}
