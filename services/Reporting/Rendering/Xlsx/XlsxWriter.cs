using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace VisionEHalsa.Reporting.Rendering.Xlsx;

/// <summary>One sheet of a workbook: its name, its header row and its rows (a cell per column; null leaves it empty).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// Writes a workbook (Office Open XML, the parts a spreadsheet needs and no more) straight into the zip, a cell at a
/// time: strings inline, numbers as numbers, the header row bold and frozen, each column as wide as its longest
/// text. A report's workbook of 10,000 rows is written with a few megabytes of garbage, where a general-purpose
/// library built each sheet in memory first (about 100 MB per workbook; docs/performance.md, "Memory").
/// </summary>
public static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const int HeaderStyle = 1;

    /// <summary>Excel's own limit on a column's width, in characters.</summary>
    private const double WidestColumn = 80;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => ContentTypes(w, sheets.Count));
            Part(zip, "_rels/.rels", w => Relations(w, PackageRelationships, [("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")]));
            Part(zip, "xl/workbook.xml", w => Workbook(w, sheets));
            Part(zip, "xl/_rels/workbook.xml.rels", w => Relations(w, PackageRelationships, [
                .. sheets.Select((_, i) => ($"rId{i + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i + 1}.xml")),
                ($"rId{sheets.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")]));
            Part(zip, "xl/styles.xml", Styles);
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                Part(zip, $"xl/worksheets/sheet{i + 1}.xml", w => Sheet(w, sheet));
            }
        }

        return output.ToArray();
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var writer = XmlWriter.Create(stream, Settings);
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void Sheet(XmlWriter w, XlsxSheet sheet)
    {
        var columns = Enumerable.Range(0, sheet.Columns.Count).Select(ColumnName).ToArray();
        w.WriteStartElement("worksheet", Main);
        w.WriteStartElement("sheetViews");
        w.WriteStartElement("sheetView");
        w.WriteAttributeString("workbookViewId", "0");
        if (sheet.Rows.Count > 0)
        {
            Empty(w, "pane", ("ySplit", "1"), ("topLeftCell", "A2"), ("activePane", "bottomLeft"), ("state", "frozen"));
        }

        w.WriteEndElement();
        w.WriteEndElement();

        // A sheet without columns has no <cols> at all: the element must hold at least one.
        var widths = Widths(sheet);
        if (widths.Length > 0)
        {
            w.WriteStartElement("cols");
            for (var c = 0; c < widths.Length; c++)
            {
                Empty(w, "col", ("min", Number(c + 1)), ("max", Number(c + 1)),
                    ("width", widths[c].ToString("0.#", CultureInfo.InvariantCulture)), ("customWidth", "1"));
            }

            w.WriteEndElement();
        }

        w.WriteStartElement("sheetData");
        Row(w, columns, 1, [.. sheet.Columns], HeaderStyle);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            Row(w, columns, r + 2, sheet.Rows[r], 0);
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Row(XmlWriter w, string[] columns, int number, object?[] cells, int style)
    {
        var row = Number(number);
        w.WriteStartElement("row");
        w.WriteAttributeString("r", row);
        for (var c = 0; c < columns.Length && c < cells.Length; c++)
        {
            var value = Numeric(cells[c]);
            var text = value is null ? Text(cells[c]) : null;
            if (value is null && text is null)
            {
                continue;
            }

            w.WriteStartElement("c");
            w.WriteAttributeString("r", columns[c] + row);
            if (value is { } numeric)
            {
                w.WriteElementString("v", numeric.ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                if (style != 0)
                {
                    w.WriteAttributeString("s", Number(style));
                }

                w.WriteAttributeString("t", "inlineStr");
                w.WriteStartElement("is");
                w.WriteStartElement("t");
                if (text!.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    w.WriteAttributeString("xml", "space", null, "preserve");
                }

                w.WriteString(Printable(text));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    /// <summary>A number cell for finite numbers; anything else (text, a missing value) is not a number.</summary>
    private static double? Numeric(object? cell) => cell switch
    {
        double d when double.IsFinite(d) => d,
        float f when float.IsFinite(f) => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        _ => null,
    };

    /// <summary>Text for anything else; a number that is not finite (no value) leaves the cell empty.</summary>
    private static string? Text(object? cell) => cell switch
    {
        null or double or float => null,
        string s => s,
        bool b => b ? "ja" : "nej",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    /// <summary>XML 1.0 cannot carry most control characters; a cell's text drops them rather than break the file.</summary>
    private static string Printable(string text) =>
        text.AsSpan().IndexOfAnyInRange('\u0000', '\u0008') < 0 && text.AsSpan().IndexOfAnyInRange('\u000B', '\u001F') < 0
            ? text
            : new string([.. text.Where(c => c is '\t' or '\n' or '\r' || c >= ' ')]);

    private static double[] Widths(XlsxSheet sheet)
    {
        var widths = sheet.Columns.Select(c => (double)c.Length).ToArray();
        foreach (var row in sheet.Rows)
        {
            for (var c = 0; c < widths.Length && c < row.Length; c++)
            {
                var length = Numeric(row[c]) is { } value ? Digits(value) : Text(row[c])?.Length ?? 0;
                widths[c] = Math.Max(widths[c], length);
            }
        }

        return [.. widths.Select(w => Math.Min(WidestColumn, w + 2))];
    }

    private static int Digits(double value) => value == Math.Floor(value) && Math.Abs(value) < 1e15
        ? ((long)value).ToString(CultureInfo.InvariantCulture).Length
        : 12;

    /// <summary>A, B, … Z, AA, AB, … for the column at <paramref name="index"/> (0-based).</summary>
    public static string ColumnName(int index)
    {
        var name = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return name.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An element with attributes and no content.</summary>
    private static void Empty(XmlWriter w, string name, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name);
        foreach (var (attribute, value) in attributes)
        {
            w.WriteAttributeString(attribute, value);
        }

        w.WriteEndElement();
    }

    private static void Workbook(XmlWriter w, IReadOnlyList<XlsxSheet> sheets)
    {
        w.WriteStartElement("workbook", Main);
        w.WriteAttributeString("xmlns", "r", null, Relationships);
        w.WriteStartElement("sheets");
        for (var i = 0; i < sheets.Count; i++)
        {
            w.WriteStartElement("sheet");
            w.WriteAttributeString("name", sheets[i].Name);
            w.WriteAttributeString("sheetId", Number(i + 1));
            w.WriteAttributeString("id", Relationships, $"rId{i + 1}");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void ContentTypes(XmlWriter w, int sheets)
    {
        w.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
        Empty(w, "Default", ("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml"));
        Empty(w, "Default", ("Extension", "xml"), ("ContentType", "application/xml"));
        Empty(w, "Override", ("PartName", "/xl/workbook.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));
        Empty(w, "Override", ("PartName", "/xl/styles.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"));
        for (var i = 1; i <= sheets; i++)
        {
            Empty(w, "Override", ("PartName", $"/xl/worksheets/sheet{i}.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"));
        }

        w.WriteEndElement();
    }

    private static void Relations(XmlWriter w, string ns, IEnumerable<(string Id, string Type, string Target)> relations)
    {
        w.WriteStartElement("Relationships", ns);
        foreach (var (id, type, target) in relations)
        {
            Empty(w, "Relationship", ("Id", id), ("Type", type), ("Target", target));
        }

        w.WriteEndElement();
    }

    /// <summary>Two cell formats: 0 the default, 1 bold (the header row).</summary>
    private static void Styles(XmlWriter w)
    {
        w.WriteStartElement("styleSheet", Main);
        w.WriteStartElement("fonts");
        w.WriteAttributeString("count", "2");
        Font(w, bold: false);
        Font(w, bold: true);
        w.WriteEndElement();
        w.WriteStartElement("fills");
        w.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            w.WriteStartElement("fill");
            w.WriteStartElement("patternFill");
            w.WriteAttributeString("patternType", pattern);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("borders");
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("border");
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            w.WriteElementString(side, Main, string.Empty);
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("cellStyleXfs");
        w.WriteAttributeString("count", "1");
        Format(w, font: 0, withId: false);
        w.WriteEndElement();
        w.WriteStartElement("cellXfs");
        w.WriteAttributeString("count", "2");
        Format(w, font: 0, withId: true);
        Format(w, font: 1, withId: true);
        w.WriteEndElement();
        w.WriteStartElement("cellStyles");
        w.WriteAttributeString("count", "1");
        Empty(w, "cellStyle", ("name", "Normal"), ("xfId", "0"), ("builtinId", "0"));
        w.WriteEndElement();
        w.WriteEndElement();

        static void Font(XmlWriter w, bool bold)
        {
            w.WriteStartElement("font");
            if (bold)
            {
                w.WriteElementString("b", Main, string.Empty);
            }

            Empty(w, "sz", ("val", "11"));
            Empty(w, "name", ("val", "Calibri"));
            w.WriteEndElement();
        }

        static void Format(XmlWriter w, int font, bool withId)
        {
            w.WriteStartElement("xf");
            w.WriteAttributeString("numFmtId", "0");
            w.WriteAttributeString("fontId", Number(font));
            w.WriteAttributeString("fillId", "0");
            w.WriteAttributeString("borderId", "0");
            if (withId)
            {
                w.WriteAttributeString("xfId", "0");
            }

            if (font != 0)
            {
                w.WriteAttributeString("applyFont", "1");
            }

            w.WriteEndElement();
        }
    }
}
