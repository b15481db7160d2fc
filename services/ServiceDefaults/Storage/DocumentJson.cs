using System.Text.Json;
using System.Text.Json.Serialization;

namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>The one JSON shape documents are stored in, whatever the adapter.</summary>
public static class DocumentJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static JsonElement ToElement<T>(T document) => JsonSerializer.SerializeToElement(document, Options);

    public static T FromUtf8<T>(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} was empty.");

    /// <summary>The JSON field name a property name becomes, so queries name fields as documents store them.</summary>
    public static string Field(string propertyName) => JsonNamingPolicy.CamelCase.ConvertName(propertyName);
}
