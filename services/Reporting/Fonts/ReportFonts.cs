using SkiaSharp;

namespace VisionEHalsa.Reporting.Fonts;

/// <summary>
/// The embedded DejaVu Sans faces, so a report looks the same on every machine and needs no installed fonts.
/// Loaded once per process: typefaces are immutable and safe to share between renderings.
/// </summary>
public static class ReportFonts
{
    /// <summary>The family the HTML report asks for first; the PDF embeds these very faces.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string face)
    {
        using var resource = typeof(ReportFonts).Assembly.GetManifestResourceStream($"Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The embedded font {face} is missing.");
        var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        bytes.Position = 0;

        // The typeface reads glyphs lazily and takes ownership of the stream, so it is not disposed here.
        return SKTypeface.FromStream(bytes) ?? throw new InvalidOperationException($"The embedded font {face} could not be read.");
    }
}
