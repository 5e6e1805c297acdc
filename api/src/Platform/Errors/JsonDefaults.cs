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

    /// <summary>
    /// The options request bodies are read with: <see cref="Apply"/>, and read as strictly as the OpenAPI document declares
    /// them: a property the document does not name (additionalProperties: false), in another letter case or twice is
    /// refused; a number must be a JSON number, not a string; every required property must be there
    /// (<see cref="RequestContract"/>); null is refused where the request type forbids it (<see cref="RequestNulls"/>).
    /// Only reading changes: responses are written as before, whatever these options say.
    /// </summary>
    public static JsonSerializerOptions ForRequests(JsonSerializerOptions options)
    {
        Apply(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(RequestNulls.Refuse)
            .WithAddedModifier(RequestContract.Require);
        return options;
    }
}
