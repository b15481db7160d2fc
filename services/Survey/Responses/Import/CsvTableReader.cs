using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace VisionEHalsa.Survey.Responses.Import;

/// <summary>
/// Reads CSV as spreadsheets save it: UTF-8 with or without BOM, comma- or semicolon-separated (Swedish Excel
/// writes semicolons), quoted cells over several lines. The delimiter is the one the header row uses most.
/// </summary>
public static class CsvTableReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportTable Read(ReadOnlyMemory<byte> content)
    {
        var text = Decode(content.Span);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter(text),
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var parser = new CsvParser(new StringReader(text), configuration);
        var rows = new RowCollector();
        var number = 0;
        while (!rows.IsFull && parser.Read())
        {
            rows.Add(++number, parser.Record ?? []);
        }

        return rows.ToTable();
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }
        else if (bytes.StartsWith((byte[])[0xFF, 0xFE]) || bytes.StartsWith((byte[])[0xFE, 0xFF]))
        {
            throw new ImportFileException("The file is saved as UTF-16. Save it as CSV UTF-8 (in Excel: \"CSV UTF-8 (kommaavgränsad)\").");
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException("The file is not UTF-8 text. Save it as CSV UTF-8 (in Excel: \"CSV UTF-8 (kommaavgränsad)\") or as XLSX.");
        }
    }

    /// <summary>Semicolon, comma or tab: whichever occurs most in the first line outside quotes; comma when none does.</summary>
    private static string Delimiter(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ";" : tabs > commas ? "\t" : ",";
    }
}
