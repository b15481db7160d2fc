using System.Text;

namespace VisionEHalsa.EndToEnd.Tests.Telemetry;

public sealed record SpanLink(string TraceId, string SpanId);

public sealed record ReceivedSpan(
    string Service,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanLink> Links);

/// <summary>
/// Reads the parts of an OTLP <c>ExportTraceServiceRequest</c> the tests need (service name, ids, name,
/// string/int attributes, links) straight from the protobuf wire format.
/// </summary>
public static class OtlpTraceDecoder
{
    public static IEnumerable<ReceivedSpan> Decode(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
        {
            var service = "unknown";
            var spans = new List<ReceivedSpan>();
            foreach (var field in Fields(resourceSpans.Bytes))
            {
                if (field.Number == 1)
                {
                    var resource = Attributes(Fields(field.Bytes).Where(f => f.Number == 1));
                    service = resource.GetValueOrDefault("service.name", service);
                }
                else if (field.Number == 2)
                {
                    spans.AddRange(Fields(field.Bytes).Where(f => f.Number == 2).Select(s => Span(s.Bytes)));
                }
            }

            foreach (var span in spans)
            {
                yield return span with { Service = service };
            }
        }
    }

    private static ReceivedSpan Span(byte[] bytes)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null;
        var attributes = new List<Field>();
        var links = new List<SpanLink>();
        foreach (var field in Fields(bytes))
        {
            switch (field.Number)
            {
                case 1: traceId = Convert.ToHexStringLower(field.Bytes); break;
                case 2: spanId = Convert.ToHexStringLower(field.Bytes); break;
                case 4: parent = field.Bytes.Length == 0 ? null : Convert.ToHexStringLower(field.Bytes); break;
                case 5: name = Encoding.UTF8.GetString(field.Bytes); break;
                case 9: attributes.Add(field); break;
                case 13:
                    var link = Fields(field.Bytes).ToList();
                    links.Add(new SpanLink(
                        Convert.ToHexStringLower(link.First(f => f.Number == 1).Bytes),
                        Convert.ToHexStringLower(link.First(f => f.Number == 2).Bytes)));
                    break;
            }
        }

        return new ReceivedSpan("", traceId, spanId, parent, name, Attributes(attributes), links);
    }

    private static Dictionary<string, string> Attributes(IEnumerable<Field> keyValues)
    {
        var result = new Dictionary<string, string>();
        foreach (var keyValue in keyValues)
        {
            var parts = Fields(keyValue.Bytes).ToList();
            var key = parts.FirstOrDefault(p => p.Number == 1)?.Bytes is { } k ? Encoding.UTF8.GetString(k) : null;
            var value = parts.FirstOrDefault(p => p.Number == 2);
            if (key is null || value is null)
            {
                continue;
            }

            var any = Fields(value.Bytes).FirstOrDefault();
            result[key] = any switch
            {
                { Number: 1 } => Encoding.UTF8.GetString(any.Bytes),
                { Number: 2 or 3 } => any.Varint.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            };
        }

        return result;
    }

    private sealed record Field(int Number, byte[] Bytes, ulong Varint);

    private static IEnumerable<Field> Fields(byte[] buffer)
    {
        var position = 0;
        while (position < buffer.Length)
        {
            var tag = ReadVarint(buffer, ref position);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    yield return new Field(number, [], ReadVarint(buffer, ref position));
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(buffer, ref position);
                    yield return new Field(number, buffer[position..(position + length)], 0);
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new FormatException($"unsupported protobuf wire type in tag {tag}");
            }
        }
    }

    private static ulong ReadVarint(byte[] buffer, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buffer[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
