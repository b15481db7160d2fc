using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace VisionEHalsa.Reporting.Fonts;

/// <summary>
/// Serves the embedded DejaVu Sans faces to PDFsharp for every family asked for, so a report looks the same
/// on every machine and needs no installed fonts. Italic is simulated from the regular face.
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    // PDFsharp takes one resolver per process, set before any font is used; hosts started later reuse it.
    private static readonly Lazy<ReportFonts> Instance = new(() =>
    {
        var fonts = new ReportFonts();
        GlobalFontSettings.FontResolver = fonts;
        return fonts;
    });

    private readonly ConcurrentDictionary<string, byte[]> _faces = new();

    public static void EnsureRegistered() => _ = Instance.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The embedded font {faceName} is missing.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
