namespace VisionEHalsa.Deployment.Tests;

/// <summary>Walking rendered objects without a model of every Kubernetes type.</summary>
public static class JsonPaths
{
    public static JsonElement? At(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    public static JsonElement? At(this JsonElement? element, params string[] path) => element?.At(path);

    public static string? Text(this JsonElement element, params string[] path) => element.At(path) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => null,
    };

    public static IEnumerable<JsonElement> Each(this JsonElement element, params string[] path) =>
        element.At(path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static IEnumerable<JsonProperty> Fields(this JsonElement element, params string[] path) =>
        element.At(path) is { ValueKind: JsonValueKind.Object } map ? map.EnumerateObject() : [];

    public static IReadOnlyDictionary<string, string> Labels(this JsonElement element, params string[] path) =>
        element.Fields(path).ToDictionary(f => f.Name, f => f.Value.GetString() ?? string.Empty);

    public static string Kind(this JsonElement element) => element.Text("kind") ?? string.Empty;

    public static string Name(this JsonElement element) => element.Text("metadata", "name") ?? string.Empty;
}
