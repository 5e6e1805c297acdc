using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.OpenApi;

namespace Jiebang.IntegrationTests.Security;

/// <summary>One operation of the committed OpenAPI document.</summary>
public sealed record ApiOperation(string Id, string Method, string Path, JsonObject Node, JsonObject Components)
{
    public bool IsWrite => Method != "GET";

    public IReadOnlyList<string> PathParameters { get; } =
        System.Text.RegularExpressions.Regex.Matches(Path, "{([^}]+)}").Select(m => m.Groups[1].Value).ToList();

    public IReadOnlySet<int> Statuses { get; } = Node["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    /// <summary>The request body's media type (application/json, multipart/form-data) or null for a bodyless operation.</summary>
    public string? ContentType => Node["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault();

    /// <summary>The request body's schema with references left as they are (resolve with <see cref="Resolve"/>).</summary>
    public JsonNode? BodySchema => ContentType is { } type ? Node["requestBody"]!["content"]![type]!["schema"] : null;

    public JsonObject Resolve(JsonNode schema)
    {
        var current = schema.AsObject();
        while (current["$ref"] is { } reference)
        {
            current = Components["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject();
        }
        if (current["allOf"] is JsonArray all && all.Count == 1)
        {
            return Resolve(all[0]!);
        }
        return current;
    }
}

public static class ApiOperations
{
    /// <summary>Every operation of api/openapi/jiebang.v1.json, in document order.</summary>
    public static IReadOnlyList<ApiOperation> Load()
    {
        var document = OpenApiFiles.Load(OpenApiFiles.Committed).AsObject();
        var components = document["components"]!.AsObject();
        return document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op =>
                new ApiOperation((string)op.Value!["operationId"]!, op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject(), components)))
            .ToList();
    }
}
