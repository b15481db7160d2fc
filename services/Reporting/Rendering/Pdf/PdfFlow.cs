using SkiaSharp;

namespace VisionEHalsa.Reporting.Rendering.Pdf;

/// <summary>An entry of the table of contents; <see cref="Anchor"/> names the heading it points at.</summary>
public sealed record ContentsEntry(string Anchor, string Text, int Level);

/// <summary>
/// Text, tables and drawings flowing down A4 pages. Each page is recorded as a picture first, so the page
/// count and every heading's page are known when the pages are written: the table of contents and the
/// "Sida 2 av 9" footers are drawn then. Just enough layout for a plain, readable report.
/// </summary>
public sealed partial class PdfFlow : IDisposable
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    private const float Margin = 56.7f;
    private const float FooterSpace = 28;

    private readonly List<SKPicture> _pages = [];
    private readonly Dictionary<string, (int Page, float Y)> _anchors = [];
    private readonly List<(int Page, float Y, ContentsEntry Entry)> _contents = [];
    private readonly string _title;
    private SKPictureRecorder _recorder = null!;
    private SKCanvas _canvas = null!;
    private float _y;
    private string _lastHeading = string.Empty;

    public PdfFlow(string title)
    {
        _title = title;
        NewPage();
    }

    public PdfStyles Styles { get; } = new();

    public static float Left => Margin;

    public static float Width => PageWidth - 2 * Margin;

    private static float Bottom => PageHeight - Margin - FooterSpace;

    /// <summary>Space left on the current page.</summary>
    public float Room => Bottom - _y;

    public void Heading(string text, int level, string? anchor = null)
    {
        var style = Styles.Headings[level - 1];
        Space(SpaceBefore(level));
        EnsureRoom(style.Wrap(text, Width).Count * style.LineHeight + 4 * Styles.Body.LineHeight);
        if (anchor is not null)
        {
            _anchors[anchor] = (_pages.Count, _y);
        }

        Lines(text, style, Margin, Width);
        Space(SpaceAfter(level));
        _lastHeading = text;
    }

    /// <summary>Reserves a line per entry; the page numbers are written when the pages are.</summary>
    public void Contents(IReadOnlyList<ContentsEntry> entries)
    {
        foreach (var entry in entries)
        {
            var style = entry.Level <= 2 ? Styles.Bold : Styles.Body;
            var height = style.LineHeight + (entry.Level <= 2 ? 3 : 0);
            EnsureRoom(height);
            _y += entry.Level <= 2 ? 3 : 0;
            _contents.Add((_pages.Count, _y, entry));
            _y += style.LineHeight;
        }

        Space(6);
    }

    public void Paragraph(string text) => Lines(text, Styles.Body, Margin, Width, gap: 4);

    public void Note(string text) => Lines(text, Styles.Note, Margin, Width, gap: 3);

    public void Quote(string text) => Lines(text, Styles.Italic, Margin + 12, Width - 24, gap: 6);

    public void Strong(string text) => Lines(text, Styles.Bold, Margin, Width, gap: 2);

    /// <summary>A list item with a bullet hanging in the margin of its text.</summary>
    public void Bullet(string text)
    {
        var style = Styles.Body;
        var lines = style.Wrap(text, Width - 12);
        EnsureRoom(Math.Min(2, lines.Count) * style.LineHeight);
        style.Draw(_canvas, "•", Margin + 2, _y);
        Lines(text, style, Margin + 12, Width - 12, gap: 2);
    }

    /// <summary>A framed, tinted notice that cannot be missed (used for demo data).</summary>
    public void Banner(string title, string text)
    {
        var lines = Styles.Body.Wrap(text, Width - 20);
        var height = Styles.Bold.LineHeight + lines.Count * Styles.Body.LineHeight + 14;
        EnsureRoom(height);
        using (var fill = new SKPaint { Color = PdfStyles.BannerFill, Style = SKPaintStyle.Fill })
        using (var edge = new SKPaint { Color = PdfStyles.BannerEdge, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true })
        {
            var box = new SKRect(Margin, _y, Margin + Width, _y + height);
            _canvas.DrawRect(box, fill);
            _canvas.DrawRect(box, edge);
        }

        _y += 7;
        Lines(title, Styles.Bold, Margin + 10, Width - 20);
        Lines(text, Styles.Body, Margin + 10, Width - 20);
        _y += 7 + 6;
    }

    public void Space(float points) => _y = Math.Min(_y + points, Bottom);

    public void PageBreak()
    {
        if (_y > Margin)
        {
            NewPage();
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void EnsureRoom(float height)
    {
        if (_y + height > Bottom && _y > Margin)
        {
            NewPage();
        }
    }

    /// <summary>A drawing the full width of the text, <paramref name="height"/> high, kept on one page.</summary>
    public void Drawing(float height, Action<SKCanvas, SKRect> draw)
    {
        EnsureRoom(height);
        var box = new SKRect(Margin, _y, Margin + Width, _y + height);
        _canvas.Save();
        _canvas.ClipRect(SKRect.Inflate(box, 4, 4));
        draw(_canvas, box);
        _canvas.Restore();
        _y += height + 8;
    }

    private void Lines(string text, TextStyle style, float x, float width, float gap = 0)
    {
        foreach (var line in style.Wrap(text, width))
        {
            EnsureRoom(style.LineHeight);
            style.Draw(_canvas, line, x, _y);
            _y += style.LineHeight;
        }

        _y += gap;
    }

    private void NewPage()
    {
        if (_recorder is not null)
        {
            _pages.Add(_recorder.EndRecording());
            _recorder.Dispose();
        }

        _recorder = new SKPictureRecorder();
        _canvas = _recorder.BeginRecording(new SKRect(0, 0, PageWidth, PageHeight));
        _y = Margin;
    }

    private static float SpaceBefore(int level) => level switch { 1 => 0, 2 => 16, 3 => 10, _ => 6 };

    private static float SpaceAfter(int level) => level switch { 2 => 6, 3 => 3, _ => 2 };

    public void Dispose()
    {
        _recorder?.Dispose();
        foreach (var page in _pages)
        {
            page.Dispose();
        }

        Styles.Dispose();
    }
}
