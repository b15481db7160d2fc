using System.Reflection;
using System.Text;

namespace VisionEHalsa.Indicator.ReferenceData;

/// <summary>Reads the embedded reference files: RFC 4180 CSV with a header row, quoted fields may hold commas and "".</summary>
public static class CsvRows
{
    private const string ResourcePrefix = "ReferenceData.Data.";

    /// <summary>Every row of an embedded file as column name → value.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadEmbedded(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The embedded reference file {fileName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string text)
    {
        var records = Records(text).Where(r => r is not [""]).ToList();
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0];
        return
        [
            .. records.Skip(1).Select(fields => (IReadOnlyDictionary<string, string>)header
                .Select((name, i) => (name, value: i < fields.Count ? fields[i] : string.Empty))
                .ToDictionary(c => c.name, c => c.value, StringComparer.Ordinal)),
        ];
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
