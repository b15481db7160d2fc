using SkiaSharp;
using VisionEHalsa.Reporting.Fonts;

namespace VisionEHalsa.Reporting.Rendering.Pdf;

/// <summary>The report's palette and type scale: one place, so every page and chart agrees.</summary>
public sealed class PdfStyles : IDisposable
{
    public static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    public static readonly SKColor Accent = new(0x1F, 0x3A, 0x5F);
    public static readonly SKColor Muted = new(0x5A, 0x5A, 0x5A);
    public static readonly SKColor Rule = new(0xC8, 0xCE, 0xD6);
    public static readonly SKColor HeaderFill = new(0xE8, 0xED, 0xF3);
    public static readonly SKColor BannerFill = new(0xFF, 0xF4, 0xD6);
    public static readonly SKColor BannerEdge = new(0xC9, 0x8A, 0x00);

    public TextStyle Body { get; } = new(ReportFonts.Regular, 10, Ink);

    public TextStyle Bold { get; } = new(ReportFonts.Bold, 10, Ink);

    public TextStyle Italic { get; } = new(ReportFonts.Regular, 10, Ink, oblique: true);

    public TextStyle Small { get; } = new(ReportFonts.Regular, 8.5f, Ink);

    public TextStyle SmallBold { get; } = new(ReportFonts.Bold, 8.5f, Ink);

    public TextStyle Tiny { get; } = new(ReportFonts.Regular, 7.5f, Ink);

    public TextStyle TinyBold { get; } = new(ReportFonts.Bold, 6.5f, Ink);

    public TextStyle Note { get; } = new(ReportFonts.Regular, 8.5f, Muted);

    public TextStyle Footer { get; } = new(ReportFonts.Regular, 8, Muted);

    /// <summary>Level 1 is the document title, 2 a chapter, 3 a section, 4 a subsection.</summary>
    public IReadOnlyList<TextStyle> Headings { get; } =
    [
        new(ReportFonts.Bold, 20, Accent), new(ReportFonts.Bold, 15, Accent), new(ReportFonts.Bold, 11.5f, Accent), new(ReportFonts.Bold, 10, Accent),
    ];

    public void Dispose()
    {
        foreach (var style in new[] { Body, Bold, Italic, Small, SmallBold, Tiny, TinyBold, Note, Footer }.Concat(Headings))
        {
            style.Dispose();
        }
    }
}
