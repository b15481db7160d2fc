using System.IO.Compression;
using System.Xml.Linq;
using VisionEHalsa.Reporting.Rendering.Xlsx;

namespace VisionEHalsa.Reporting.Tests;

/// <summary>The workbook writer, read back by an independent reader (MiniExcel) and as the XML it is.</summary>
public sealed class XlsxWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public void Text_numbers_and_empty_cells_read_back_as_they_were_written()
    {
        var workbook = XlsxWriter.Write(
        [
            new XlsxSheet("Nyckeltal", ["Kod", "Värde", "Svarande", "Anm.", "Text"],
            [
                ["DIGPLAN", 70.0, 7, null, "  inledande blanksteg"],
                ["PERSRES", 61.7, 290L, "* färre än 5 i nämnaren", "styrtecken\u0001 & <taggar>"],
                ["ÅÄÖ", double.NaN, 0, "", "Örebro län"],
            ]),
            new XlsxSheet("Tom", ["Iakttagelse"], []),
        ]);

        using var stream = new MemoryStream(workbook);
        var rows = Xlsx.Rows(stream, "Nyckeltal");

        Assert.Equal(3, rows.Count);
        Assert.Equal("DIGPLAN", rows[0]["Kod"]);
        Assert.Equal(70.0, Assert.IsType<double>(rows[0]["Värde"]));
        Assert.Equal(7.0, Assert.IsType<double>(rows[0]["Svarande"]));
        Assert.Null(rows[0]["Anm."]);
        Assert.Equal("  inledande blanksteg", rows[0]["Text"]);
        Assert.Equal(61.7, Assert.IsType<double>(rows[1]["Värde"]));
        Assert.Equal(290.0, Assert.IsType<double>(rows[1]["Svarande"]));
        Assert.Equal("* färre än 5 i nämnaren", rows[1]["Anm."]);
        Assert.Equal("styrtecken & <taggar>", rows[1]["Text"]);
        Assert.Equal("ÅÄÖ", rows[2]["Kod"]);
        Assert.Null(rows[2]["Värde"]);
        Assert.Equal("Örebro län", rows[2]["Text"]);
        stream.Position = 0;
        Assert.Empty(Xlsx.Rows(stream, "Tom"));
    }

    [Fact]
    public void The_header_is_bold_and_frozen_and_each_column_as_wide_as_its_longest_text()
    {
        var workbook = XlsxWriter.Write([new XlsxSheet("Län", ["Kod", "Län"], [["01", "Stockholms län"], ["25", "Norrbottens län"]])]);

        using var zip = new ZipArchive(new MemoryStream(workbook));
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var pane = sheet.Descendants(Main + "pane").Single();
        Assert.Equal("frozen", (string?)pane.Attribute("state"));
        Assert.Equal("A2", (string?)pane.Attribute("topLeftCell"));
        var widths = sheet.Descendants(Main + "col").Select(c => (double)c.Attribute("width")!).ToList();
        Assert.Equal(["Kod".Length + 2.0, "Norrbottens län".Length + 2.0], widths);
        var header = sheet.Descendants(Main + "row").First().Elements(Main + "c").ToList();
        Assert.All(header, c => Assert.Equal("1", (string?)c.Attribute("s")));
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        Assert.NotNull(styles.Descendants(Main + "font").ElementAt(1).Element(Main + "b"));
    }

    [Fact]
    public void A_sheet_without_columns_has_no_column_list()
    {
        var workbook = XlsxWriter.Write([new XlsxSheet("Ingenting", [], [])]);

        using var zip = new ZipArchive(new MemoryStream(workbook));
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.Empty(sheet.Descendants(Main + "cols"));
        Assert.Empty(Xlsx.Rows(new MemoryStream(workbook), "Ingenting"));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Columns_are_named_as_in_a_spreadsheet(int index, string name) =>
        Assert.Equal(name, XlsxWriter.ColumnName(index));

    [Fact]
    public void A_row_wider_than_26_columns_keeps_its_cells_in_their_columns()
    {
        var columns = Enumerable.Range(1, 30).Select(i => $"K{i}").ToArray();
        var workbook = XlsxWriter.Write([new XlsxSheet("Brett", columns, [[.. Enumerable.Range(1, 30).Select(i => (object?)(double)i)]])]);

        var row = Xlsx.Rows(new MemoryStream(workbook), "Brett").Single();

        Assert.Equal(28.0, row["K28"]);
        Assert.Equal(30.0, row["K30"]);
    }
}
