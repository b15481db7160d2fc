namespace VisionEHalsa.TestSupport;

/// <summary>RFC 4180 CSV, enough for the report's files.</summary>
public static class Csv
{
    public static IReadOnlyList<Dictionary<string, string>> Parse(string text)
    {
        var lines = Records(text.TrimStart('\uFEFF')).Where(r => r.Count > 1 || r[0].Length > 0).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        var header = lines[0];
        return lines.Skip(1).Select(fields => header.Select((h, i) => (h, v: i < fields.Count ? fields[i] : ""))
            .ToDictionary(p => p.h, p => p.v)).ToList();
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r')); field.Clear();
                yield return fields;
                fields = [];
            }
            else { field.Append(c); }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
