using System.Text;
using System.Text.Json.Nodes;

namespace VisionEHalsa.TestSupport;

/// <summary>
/// Generates malformed response bodies from one valid body: broken JSON, wrong types, huge numbers, unknown
/// fields, deep nesting, wrong encodings and content types. Deterministic for a given <see cref="Random"/>.
/// </summary>
/// <param name="valid">A valid body, <c>{"answers":{...}}</c>, compact, ending in <c>}}</c>.</param>
/// <param name="numericCodes">Numeric questions in it, to receive numbers no store can hold.</param>
/// <param name="wrongTypes">Per question in it, values of the wrong type or out of range.</param>
public sealed class MalformedBodies(string valid, string[] numericCodes, (string Code, string[] Values)[] wrongTypes)
{
    private string Valid => valid;

    private string ValidAnswers => valid;

    public IEnumerable<(string Kind, byte[] Body, string? ContentType)> Generate(Random random, int rounds = 70)
    {
        const string json = "application/json";
        var generators = new Func<Random, (string, byte[], string?)>[]
        {
            r => ("truncated", Utf8(Valid[..r.Next(0, Valid.Length)]), json),
            r => ("structural character", Utf8(Replace(ValidAnswers, r.Next(1, ValidAnswers.Length - 1), "{}[]:,\""[r.Next(7)])), json),
            r => ("wrong type", Utf8(WrongType(r)), json),
            r => ("huge number", Utf8(Answer(Pick(r, numericCodes), Pick(r, "1e309", "-1e400", "123456789012345678901234567890", "9" + new string('9', r.Next(20, 400)), "1e20"))), json),
            r => ("unknown field", Utf8(Pick(r,
                Valid[..^1] + ",\"extra\":" + r.Next() + "}",
                Valid[..^1] + ",\"answer\":{}}",
                Valid.Replace("\"" + numericCodes[^1] + "\"", "\"OKAND" + r.Next(1000) + "\""),
                "{\"svar\":" + Valid[11..],
                Valid[..^1] + ",\"status\":" + Pick(r, "1", "true", "\"final\"", "[]", "{}") + "}")), json),
            r => ("deep nesting", Utf8(Pick(r, "", "{\"answers\":", "{\"answers\":{\"DIGPLAN\":", "[{\"answers\":") + new string(Pick(r, '[', '{'), r.Next(65, 10_001))), json),
            r => ("encoding", InvalidEncoding(r), Pick<string?>(r, json, json + "; charset=utf-8", json + "; charset=utf-16")),
            r => ("empty or wrong content type", Pick(r, [], Utf8(" "), Utf8("null"), Utf8(Valid)),
                Pick<string?>(r, null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "text/csv", json)),
        };

        for (var i = 0; i < rounds; i++)
        {
            foreach (var generate in generators)
            {
                var (kind, body, contentType) = generate(random);
                // A valid body with a JSON content type is not malformed; the last generator only sends it under the wrong type.
                if (kind.StartsWith("empty") && contentType == json && body.Length > 10)
                {
                    contentType = "text/plain";
                }

                yield return (kind, body, contentType);
            }
        }
    }

    private string WrongType(Random random)
    {
        var (code, values) = Pick(random, [.. wrongTypes, ("answers", ["[]", "\"text\"", "1", "true", "null"])]);
        var value = Pick(random, values);
        return code == "answers"
            ? "{\"answers\":" + value + "}"
            : Answer(code, value);
    }

    private byte[] InvalidEncoding(Random random)
    {
        var bad = Pick<byte[]>(random, [0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4]);
        return Pick(random, "text", "key", "utf16", "latin1") switch
        {
            "text" => [.. Utf8(Valid[..^3]), .. bad, .. Utf8("\"}}")],
            "key" => [.. Utf8("{\"answers\":{\"DIG"), .. bad, .. Utf8("PLAN\":true}}")],
            "utf16" => Encoding.Unicode.GetBytes(Valid),
            _ => Encoding.Latin1.GetBytes(Valid[..^2] + ",\"ÅÄÖ\":\"Växjö\"}}"),
        };
    }

    /// <summary>The valid body with one answer replaced.</summary>
    private string Answer(string code, string value)
    {
        var answers = JsonNode.Parse(Valid)!["answers"]!.AsObject();
        answers.Remove(code);
        var rest = answers.ToJsonString()[1..^1];
        return "{\"answers\":{" + rest + (rest.Length > 0 ? "," : string.Empty) + "\"" + code + "\":" + value + "}}";
    }

    private static string Replace(string text, int index, char with) =>
        text[index] == with ? text[..index] + "]" + text[(index + 1)..] : text[..index] + with + text[(index + 1)..];

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
