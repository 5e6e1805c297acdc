using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jiebang.Platform.Errors;

/// <summary>The one JSON shape of the API: camelCase, enums as strings, Chinese text unescaped.</summary>
public static class JsonDefaults
{
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        // No request of this API nests deeper than a few levels; a deeper document is refused as malformed.
        options.MaxDepth = MaxDepth;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter());
        }
        return options;
    }
}
