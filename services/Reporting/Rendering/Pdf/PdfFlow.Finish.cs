using System.Globalization;
using SkiaSharp;

namespace VisionEHalsa.Reporting.Rendering.Pdf;

public sealed partial class PdfFlow
{
    /// <summary>
    /// Writes the recorded pages into a PDF with embedded font subsets, the table of contents' page numbers
    /// and links, and a footer on every page: <paramref name="footer"/> on the left, "Sida 2 av 9" on the right.
    /// </summary>
    public byte[] Finish(string footer, DateTimeOffset created)
    {
        _pages.Add(_recorder.EndRecording());
        _recorder.Dispose();
        _recorder = null!;

        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = _title;
        metadata.Subject = _title;
        metadata.Author = "Vision e-hälsa 2025 – uppföljning";
        metadata.Creator = "Vision e-hälsa 2025, rapporttjänsten";
        metadata.Creation = created.UtcDateTime;
        metadata.Modified = created.UtcDateTime;

        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                canvas.DrawPicture(_pages[i]);
                foreach (var (name, at) in _anchors.Where(a => a.Value.Page == i))
                {
                    canvas.DrawNamedDestinationAnnotation(new SKPoint(Margin, at.Y), name);
                }

                foreach (var (_, y, entry) in _contents.Where(c => c.Page == i))
                {
                    ContentsLine(canvas, y, entry);
                }

                Footer(canvas, footer, i + 1, _pages.Count);
                document.EndPage();
            }

            document.Close();
        }

        return output.ToArray();
    }

    private void ContentsLine(SKCanvas canvas, float y, ContentsEntry entry)
    {
        var style = entry.Level <= 2 ? Styles.Bold : Styles.Body;
        var indent = Margin + (entry.Level - 2) * 14;
        var page = _anchors.TryGetValue(entry.Anchor, out var at) ? (at.Page + 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
        var numberWidth = style.Measure("0000");
        var text = style.Wrap(entry.Text, Margin + Width - numberWidth - 8 - indent)[0];
        style.Draw(canvas, text, indent, y);
        style.Draw(canvas, page, Margin + Width, y, SKTextAlign.Right);

        // Dot leaders from the text to the number, as a printed table of contents has them.
        var from = indent + style.Measure(text) + 6;
        var to = Margin + Width - style.Measure(page) - 6;
        using var dots = new SKPaint { Color = PdfStyles.Rule, StrokeWidth = 0.8f, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([0.8f, 3.2f], 0) };
        if (to > from)
        {
            canvas.DrawLine(from, y + style.LineHeight * 0.72f, to, y + style.LineHeight * 0.72f, dots);
        }

        canvas.DrawLinkDestinationAnnotation(new SKRect(indent, y, Margin + Width, y + style.LineHeight), entry.Anchor);
    }

    private void Footer(SKCanvas canvas, string footer, int page, int pages)
    {
        var y = PageHeight - Margin - FooterSpace + 10;
        using var rule = new SKPaint { Color = PdfStyles.Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(Margin, y, PageWidth - Margin, y, rule);
        Styles.Footer.Draw(canvas, footer, Margin, y + 4);
        Styles.Footer.Draw(canvas, $"Sida {page} av {pages}", PageWidth - Margin, y + 4, SKTextAlign.Right);
    }
}
