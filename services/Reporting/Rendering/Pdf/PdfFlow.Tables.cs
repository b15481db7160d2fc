using SkiaSharp;

namespace VisionEHalsa.Reporting.Rendering.Pdf;

public sealed record PdfColumn(string Header, float Share, bool AlignRight = false);

public sealed partial class PdfFlow
{
    private const float CellPadding = 3;
    private const float CompactPadding = 2;

    /// <summary>A heading and its table on one page when they fit on one, so a table is never read without its heading.</summary>
    public void TableSection(string heading, int level, IReadOnlyList<PdfColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, string? anchor = null, bool compact = false)
    {
        var widths = Widths(columns);
        var style = Styles.Headings[level - 1];
        var height = SpaceBefore(level) + style.Wrap(heading, Width).Count * style.LineHeight + SpaceAfter(level) + TableHeight(columns, rows, compact);
        if (_y + height > Bottom && height <= Bottom - Margin)
        {
            NewPage();
        }

        Heading(heading, level, anchor);
        Table(columns, rows, compact);
    }

    /// <summary>
    /// Rows break across pages; the header row repeats under "(forts.)" on every page the table continues on.
    /// A compact table uses a smaller type, for wide tables of figures.
    /// </summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, bool compact = false)
    {
        var widths = Widths(columns);
        var (text, bold, padding) = Fonts(compact);
        var header = columns.Select(c => c.Header).ToList();
        EnsureRoom(RowHeight(header, widths, bold, padding) + RowHeight(rows.FirstOrDefault() ?? header, widths, text, padding));
        Row(columns, header, widths, bold, padding, PdfStyles.HeaderFill);
        foreach (var row in rows)
        {
            if (_y + RowHeight(row, widths, text, padding) > Bottom)
            {
                NewPage();
                Lines($"{_lastHeading} (forts.)", Styles.SmallBold, Margin, Width, gap: 2);
                Row(columns, header, widths, bold, padding, PdfStyles.HeaderFill);
            }

            Row(columns, row, widths, text, padding, fill: null);
        }

        Space(8);
    }

    /// <summary>The height a table will take, so a caller can keep it on one page with what precedes it.</summary>
    public float TableHeight(IReadOnlyList<PdfColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, bool compact = false)
    {
        var widths = Widths(columns);
        var (text, bold, padding) = Fonts(compact);
        return RowHeight(columns.Select(c => c.Header).ToList(), widths, bold, padding) + rows.Sum(r => RowHeight(r, widths, text, padding)) + 8;
    }

    private (TextStyle Text, TextStyle Bold, float Padding) Fonts(bool compact) =>
        compact ? (Styles.Tiny, Styles.TinyBold, CompactPadding) : (Styles.Small, Styles.SmallBold, CellPadding);

    private void Row(IReadOnlyList<PdfColumn> columns, IReadOnlyList<string> cells, float[] widths, TextStyle style, float padding, SKColor? fill)
    {
        var height = RowHeight(cells, widths, style, padding);
        if (fill is { } color)
        {
            using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
            _canvas.DrawRect(Margin, _y, Width, height, paint);
        }

        var x = Margin;
        for (var c = 0; c < columns.Count; c++)
        {
            var lineY = _y + padding;
            foreach (var line in style.Wrap(cells[c], widths[c] - 2 * padding))
            {
                if (columns[c].AlignRight)
                {
                    style.Draw(_canvas, line, x + widths[c] - padding, lineY, SKTextAlign.Right);
                }
                else
                {
                    style.Draw(_canvas, line, x + padding, lineY);
                }

                lineY += style.LineHeight;
            }

            x += widths[c];
        }

        _y += height;
        using var rule = new SKPaint { Color = PdfStyles.Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        _canvas.DrawLine(Margin, _y, Margin + Width, _y, rule);
    }

    private static float RowHeight(IReadOnlyList<string> cells, float[] widths, TextStyle style, float padding) =>
        cells.Select((text, c) => style.Wrap(text, widths[c] - 2 * padding).Count).Max() * style.LineHeight + 2 * padding;

    private static float[] Widths(IReadOnlyList<PdfColumn> columns)
    {
        var total = columns.Sum(c => c.Share);
        return columns.Select(c => Width * c.Share / total).ToArray();
    }
}
