using PdfSharp.Drawing;
using PdfSharp.Pdf;
using VisionEHalsa.Reporting.Fonts;

namespace VisionEHalsa.Reporting.Rendering;

public sealed record PdfColumn(string Header, double Share, bool AlignRight = false);

/// <summary>
/// Text and tables flowing down A4 pages: wraps lines, breaks pages, repeats table headers and numbers
/// the pages at the end. Just enough layout for a plain, readable report.
/// </summary>
public sealed class PdfFlow
{
    private const double Margin = 56.7;
    private const double FooterSpace = 28;
    private const double CellPadding = 3;

    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    private static readonly XColor Accent = XColor.FromArgb(0x1F, 0x3A, 0x5F);
    private static readonly XColor Muted = XColor.FromArgb(0x5A, 0x5A, 0x5A);
    private static readonly XColor Rule = XColor.FromArgb(0xC8, 0xCE, 0xD6);
    private static readonly XColor HeaderFill = XColor.FromArgb(0xE8, 0xED, 0xF3);

    private readonly PdfDocument _document = new();
    private readonly XFont _body;
    private readonly XFont _bold;
    private readonly XFont _italic;
    private readonly XFont _small;
    private readonly XFont _smallBold;
    private readonly XFont[] _headings;
    private XGraphics _graphics = null!;
    private double _y;
    private string _lastHeading = string.Empty;

    public PdfFlow(string title)
    {
        ReportFonts.EnsureRegistered();
        _body = new XFont(ReportFonts.Family, 10);
        _bold = new XFont(ReportFonts.Family, 10, XFontStyleEx.Bold);
        _italic = new XFont(ReportFonts.Family, 10, XFontStyleEx.Italic);
        _small = new XFont(ReportFonts.Family, 8.5);
        _smallBold = new XFont(ReportFonts.Family, 8.5, XFontStyleEx.Bold);
        _headings = [new XFont(ReportFonts.Family, 20, XFontStyleEx.Bold), new XFont(ReportFonts.Family, 14, XFontStyleEx.Bold), new XFont(ReportFonts.Family, 11, XFontStyleEx.Bold)];
        _document.Info.Title = title;
        _document.Info.Author = "Vision e-hälsa 2025 – uppföljning";
        _document.Info.Subject = title;
        NewPage();
    }

    private double Width => _graphics.PageSize.Width - 2 * Margin;

    private double Bottom => _graphics.PageSize.Height - Margin - FooterSpace;

    /// <summary>Level 1 is the document title, 2 a section, 3 a subsection; a heading never ends a page.</summary>
    public void Heading(string text, int level)
    {
        var font = _headings[level - 1];
        Space(HeadingSpaceBefore(level));
        EnsureRoom(LineHeight(font) + 4 * LineHeight(_body));
        Lines(text, font, Accent, Margin, Width);
        Space(HeadingSpaceAfter(level));
        _lastHeading = text;
    }

    /// <summary>A heading and its table on one page when they fit on one, so a table is never read without its heading.</summary>
    public void TableSection(string heading, int level, IReadOnlyList<PdfColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = Widths(columns);
        var font = _headings[level - 1];
        var height = HeadingSpaceBefore(level) + Wrap(heading, font, Width).Count * LineHeight(font) + HeadingSpaceAfter(level)
            + RowHeight(columns.Select(c => c.Header).ToList(), widths, _smallBold) + rows.Sum(r => RowHeight(r, widths, _small));
        if (_y + height > Bottom && height <= Bottom - Margin)
        {
            NewPage();
        }

        Heading(heading, level);
        Table(columns, rows);
    }

    public void Paragraph(string text) => Lines(text, _body, Ink, Margin, Width, gap: 4);

    public void Note(string text) => Lines(text, _small, Muted, Margin, Width, gap: 3);

    public void Quote(string text) => Lines(text, _italic, Ink, Margin + 12, Width - 24, gap: 6);

    public void Strong(string text) => Lines(text, _bold, Ink, Margin, Width, gap: 2);

    public void Space(double points) => _y = Math.Min(_y + points, Bottom);

    public void PageBreak()
    {
        if (_y > Margin)
        {
            NewPage();
        }
    }

    public void Table(IReadOnlyList<PdfColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = Widths(columns);
        var header = columns.Select(c => c.Header).ToList();
        EnsureRoom(RowHeight(header, widths, _smallBold) + RowHeight(rows.FirstOrDefault() ?? header, widths, _small));
        Row(columns, header, widths, _smallBold, HeaderFill);
        foreach (var row in rows)
        {
            if (_y + RowHeight(row, widths, _small) > Bottom)
            {
                NewPage();
                Lines($"{_lastHeading} (forts.)", _smallBold, Muted, Margin, Width, gap: 2);
                Row(columns, header, widths, _smallBold, HeaderFill);
            }

            Row(columns, row, widths, _small, fill: null);
        }

        Space(8);
    }

    /// <summary>Numbers every page ("Sida 2 av 9") under a rule with <paramref name="footer"/>, then returns the PDF.</summary>
    public byte[] Finish(string footer)
    {
        _graphics.Dispose();
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = graphics.PageSize.Height - Margin - FooterSpace + 10;
            graphics.DrawLine(new XPen(Rule, 0.5), Margin, y, graphics.PageSize.Width - Margin, y);
            var brush = new XSolidBrush(Muted);
            graphics.DrawString(footer, _small, brush, new XPoint(Margin, y + 5), XStringFormats.TopLeft);
            var number = $"Sida {i + 1} av {count}";
            var width = graphics.MeasureString(number, _small).Width;
            graphics.DrawString(number, _small, brush, new XPoint(graphics.PageSize.Width - Margin - width, y + 5), XStringFormats.TopLeft);
        }

        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom && _y > Margin)
        {
            NewPage();
        }
    }

    private void Lines(string text, XFont font, XColor color, double x, double width, double gap = 0)
    {
        var brush = new XSolidBrush(color);
        var height = LineHeight(font);
        foreach (var line in Wrap(text, font, width))
        {
            EnsureRoom(height);
            _graphics.DrawString(line, font, brush, new XPoint(x, _y), XStringFormats.TopLeft);
            _y += height;
        }

        _y += gap;
    }

    private void Row(IReadOnlyList<PdfColumn> columns, IReadOnlyList<string> cells, double[] widths, XFont font, XColor? fill)
    {
        var height = RowHeight(cells, widths, font);
        if (fill is { } color)
        {
            _graphics.DrawRectangle(new XSolidBrush(color), Margin, _y, Width, height);
        }

        var brush = new XSolidBrush(Ink);
        var x = Margin;
        for (var c = 0; c < columns.Count; c++)
        {
            var lineY = _y + CellPadding;
            foreach (var line in Wrap(cells[c], font, widths[c] - 2 * CellPadding))
            {
                var lineX = columns[c].AlignRight ? x + widths[c] - CellPadding - _graphics.MeasureString(line, font).Width : x + CellPadding;
                _graphics.DrawString(line, font, brush, new XPoint(lineX, lineY), XStringFormats.TopLeft);
                lineY += LineHeight(font);
            }

            x += widths[c];
        }

        _y += height;
        _graphics.DrawLine(new XPen(Rule, 0.5), Margin, _y, Margin + Width, _y);
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        cells.Select((text, c) => Wrap(text, font, widths[c] - 2 * CellPadding).Count).Max() * LineHeight(font) + 2 * CellPadding;

    private static double LineHeight(XFont font) => font.Size * 1.35;

    private static double HeadingSpaceBefore(int level) => level == 1 ? 0 : level == 2 ? 14 : 8;

    private static double HeadingSpaceAfter(int level) => level == 2 ? 4 : 2;

    private double[] Widths(IReadOnlyList<PdfColumn> columns)
    {
        var total = columns.Sum(c => c.Share);
        return columns.Select(c => Width * c.Share / total).ToArray();
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(candidate, font, width))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && !Fits(line, font, width))
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && !Fits(line[..cut], font, width))
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private bool Fits(string text, XFont font, double width) => _graphics.MeasureString(text, font).Width <= width;
}
