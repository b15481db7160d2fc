using System.Globalization;
using System.Text;

namespace VisionEHalsa.Platform.Bench;

/// <summary>The report's CSV (RFC 4180, a header row), read into rows by column name.</summary>
public static class ReportCsv
{
    public static IReadOnlyList<Dictionary<string, string>> Rows(string text)
    {
        var records = Records(text.TrimStart('\uFEFF')).Where(r => r.Count > 1 || r[0].Length > 0).ToList();
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0];
        return [.. records.Skip(1).Select(fields => header.Select((h, i) => (h, v: i < fields.Count ? fields[i] : "")).ToDictionary(p => p.h, p => p.v))];
    }

    public static double Number(Dictionary<string, string> row, string column) =>
        double.TryParse(row.GetValueOrDefault(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    private static IEnumerable<List<string>> Records(string text)
    {
        var (fields, field, quoted) = (new List<string>(), new StringBuilder(), false);
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
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
