using MiniExcelLibs;

namespace VisionEHalsa.Survey.Responses.Import;

/// <summary>Reads the first worksheet of an XLSX file, row by row, keeping each cell's own type.</summary>
public static class XlsxTableReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    public static bool LooksLikeXlsx(ReadOnlySpan<byte> content) => content.StartsWith(ZipSignature);

    public static ImportTable Read(ReadOnlyMemory<byte> content)
    {
        if (!LooksLikeXlsx(content.Span))
        {
            throw new ImportFileException("The file is not an XLSX workbook. Save it as \"Excel-arbetsbok (.xlsx)\" or as CSV UTF-8.");
        }

        var rows = new RowCollector();
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            var number = 0;
            // Without a header row MiniExcel keys cells by column letter and yields empty rows too, so numbers match the sheet.
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                rows.Add(++number, row.Values.ToList());
                if (rows.IsFull)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is not ImportFileException and not OperationCanceledException)
        {
            throw new ImportFileException($"The XLSX file could not be read ({e.GetType().Name}). Open it in Excel, save it again as .xlsx and retry.");
        }

        return rows.ToTable();
    }
}
