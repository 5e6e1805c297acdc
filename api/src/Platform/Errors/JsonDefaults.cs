using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
            // Enums travel as their names only: a number would name a value the contract does not have.
            options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        }
        return options;
    }

    /// <summary>The options request bodies are read with: <see cref="Apply"/>, and null refused where the request type forbids it.</summary>
    public static JsonSerializerOptions ForRequests(JsonSerializerOptions options)
    {
        Apply(options);
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequestNulls.Refuse);
        return options;
    }
}
