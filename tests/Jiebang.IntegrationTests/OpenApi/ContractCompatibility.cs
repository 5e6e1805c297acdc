using System.Text.Json.Nodes;

namespace Jiebang.IntegrationTests.OpenApi;

/// <summary>
/// The breaking changes a district portal or partner client would feel, found by comparing the last released document with
/// the current one: a removed operation, a removed response property, a new required request property or parameter, a
/// narrowed enum (a named one, or the values a request property accepts), a response property whose type changed
/// (a plain string that became an enum: a generated client's type changes and an unknown value no longer deserialises),
/// and, as request bodies are read strictly, a removed request property or one whose type changed.
/// They are allowed only with a new major version in info.version.
/// </summary>
public static class ContractCompatibility
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public static IReadOnlyList<string> BreakingChanges(JsonNode released, JsonNode current)
    {
        var breaks = new List<string>();
        var before = Operations(released);
        var after = Operations(current);
        foreach (var (key, oldOp) in before)
        {
            if (!after.TryGetValue(key, out var newOp))
            {
                breaks.Add($"removed operation {key} ({(string?)oldOp["operationId"]})");
                continue;
            }

            foreach (var (status, oldResponse) in oldOp["responses"]?.AsObject() ?? [])
            {
                var oldProperties = ResponseProperties(released, oldResponse);
                var newProperties = ResponseProperties(current, newOp["responses"]?[status]);
                breaks.AddRange(oldProperties.Except(newProperties).Order(StringComparer.Ordinal)
                    .Select(p => $"removed response property {key} {status} {p}"));
                var oldShapes = Shapes(released, oldResponse?["content"]);
                var newShapes = Shapes(current, newOp["responses"]?[status]?["content"]);
                foreach (var (path, oldShape) in oldShapes.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    // enum → enum is the named enum's business (values added are fine, removed ones are caught below).
                    if (newShapes.TryGetValue(path, out var newShape) && oldShape != newShape &&
                        !(oldShape.StartsWith("enum", StringComparison.Ordinal) && newShape.StartsWith("enum", StringComparison.Ordinal)))
                    {
                        breaks.Add($"changed response property type {key} {status} {path}: {oldShape} -> {newShape}");
                    }
                }
            }

            // Request bodies are read strictly (additionalProperties: false): a property the client still sends and the
            // document no longer declares is refused with 400, so removing one breaks clients too.
            breaks.AddRange(RequestProperties(released, oldOp, requiredOnly: false).Except(RequestProperties(current, newOp, requiredOnly: false))
                .Order(StringComparer.Ordinal).Select(p => $"removed request property {key} {p}"));
            var oldRequest = Shapes(released, oldOp["requestBody"]?["content"]);
            var newRequest = Shapes(current, newOp["requestBody"]?["content"]);
            foreach (var (path, oldShape) in oldRequest.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (!newRequest.TryGetValue(path, out var newShape) || newShape == oldShape)
                {
                    continue;
                }
                var wasEnum = oldShape.StartsWith("enum", StringComparison.Ordinal);
                if (wasEnum && newShape.StartsWith("enum", StringComparison.Ordinal))
                {
                    var removed = EnumMembers(oldShape).Except(EnumMembers(newShape)).ToList();
                    if (removed.Count > 0)
                    {
                        breaks.Add($"narrowed request enum {key} {path}: removed {string.Join(", ", removed)}");
                    }
                }
                else if (!(wasEnum && newShape == "string"))
                {
                    // An enum that becomes a plain string accepts more; any other change refuses what a client sends today.
                    breaks.Add($"changed request property type {key} {path}: {oldShape} -> {newShape}");
                }
            }

            var oldRequired = RequestProperties(released, oldOp, requiredOnly: true);
            var newRequired = RequestProperties(current, newOp, requiredOnly: true);
            breaks.AddRange(newRequired.Except(oldRequired).Order(StringComparer.Ordinal)
                .Select(p => $"new required request property {key} {p}"));

            var oldParameters = RequiredParameters(released, oldOp);
            breaks.AddRange(RequiredParameters(current, newOp).Except(oldParameters).Order(StringComparer.Ordinal)
                .Select(p => $"new required parameter {key} {p}"));
        }

        var oldSchemas = released["components"]?["schemas"]?.AsObject() ?? [];
        var newSchemas = current["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (name, schema) in oldSchemas)
        {
            var oldValues = EnumValues(schema);
            if (oldValues.Count == 0)
            {
                continue;
            }
            var newValues = EnumValues(newSchemas[name]);
            var removed = oldValues.Except(newValues).Order(StringComparer.Ordinal).ToList();
            if (removed.Count > 0)
            {
                breaks.Add($"narrowed enum {name}: removed {string.Join(", ", removed)}");
            }
        }
        return breaks;
    }

    /// <summary>
    /// What the compatibility test asserts: null when the current document keeps every promise of the released one or
    /// declares a new major version, else the refusal listing each breaking change.
    /// </summary>
    public static string? Refusal(JsonNode released, JsonNode current, IReadOnlyList<string> breaks) =>
        breaks.Count == 0 || MajorVersion(current) > MajorVersion(released)
            ? null
            : "Breaking changes against api/openapi/released/jiebang.v1.json without a new major version " +
              "(与已发布版本不兼容，须提升主版本号):\n" + string.Join("\n", breaks);

    public static int MajorVersion(JsonNode document)
    {
        var version = ((string?)document["info"]?["version"] ?? "0").TrimStart('v', 'V');
        return int.TryParse(version.Split('.')[0], out var major) ? major : 0;
    }

    private static Dictionary<string, JsonNode> Operations(JsonNode document)
    {
        var operations = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var method in Methods)
            {
                if (item?[method] is { } operation)
                {
                    operations[$"{method.ToUpperInvariant()} {path}"] = operation;
                }
            }
        }
        return operations;
    }

    private static HashSet<string> ResponseProperties(JsonNode document, JsonNode? response)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, media) in Resolve(document, response)?["content"]?.AsObject() ?? [])
        {
            Walk(document, media?["schema"], "", found, required: false, []);
        }
        return found;
    }

    private static HashSet<string> RequestProperties(JsonNode document, JsonNode operation, bool requiredOnly)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, media) in Resolve(document, operation["requestBody"])?["content"]?.AsObject() ?? [])
        {
            Walk(document, media?["schema"], "", found, requiredOnly, []);
        }
        return found;
    }

    private static HashSet<string> RequiredParameters(JsonNode document, JsonNode operation) =>
        (operation["parameters"]?.AsArray() ?? [])
            .Select(p => Resolve(document, p))
            .Where(p => p is not null && (bool?)p["required"] == true)
            .Select(p => $"{(string?)p!["in"]}:{(string?)p["name"]}")
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Collects property paths (all of them, or only the required ones) through $ref, arrays and compositions.</summary>
    private static void Walk(JsonNode document, JsonNode? schema, string prefix, HashSet<string> found, bool required, HashSet<string> visiting)
    {
        if (schema is null)
        {
            return;
        }
        if ((string?)schema["$ref"] is { } reference)
        {
            if (!visiting.Add(reference))
            {
                return;
            }
            Walk(document, Resolve(document, schema), prefix, found, required, visiting);
            visiting.Remove(reference);
            return;
        }
        foreach (var composition in new[] { "allOf", "oneOf", "anyOf" })
        {
            foreach (var part in schema[composition]?.AsArray() ?? [])
            {
                Walk(document, part, prefix, found, required, visiting);
            }
        }
        if (schema["items"] is { } items)
        {
            Walk(document, items, prefix + "[]", found, required, visiting);
        }
        var requiredNames = (schema["required"]?.AsArray() ?? []).Select(n => (string?)n).ToHashSet();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            if (!required || requiredNames.Contains(name))
            {
                found.Add(path);
            }
            Walk(document, property, path, found, required, visiting);
        }
    }

    /// <summary>
    /// Each property path of a body (through $ref, allOf, arrays) with its shape: "enum[a,b]" for an enum, else its type
    /// and format ("string", "integer/int64"). A shape change of an existing property is what a generated client feels.
    /// </summary>
    private static Dictionary<string, string> Shapes(JsonNode document, JsonNode? content)
    {
        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, media) in content?.AsObject() ?? [])
        {
            CollectShapes(document, media?["schema"], "", shapes, []);
        }
        return shapes;
    }

    private static void CollectShapes(JsonNode document, JsonNode? schema, string path, Dictionary<string, string> shapes, HashSet<string> visiting)
    {
        if (schema is null)
        {
            return;
        }
        if ((string?)schema["$ref"] is { } reference)
        {
            if (visiting.Add(reference))
            {
                CollectShapes(document, Resolve(document, schema), path, shapes, visiting);
                visiting.Remove(reference);
            }
            return;
        }
        if (schema["allOf"] is JsonArray all && all.Count == 1 && schema["properties"] is null)
        {
            CollectShapes(document, all[0], path, shapes, visiting);
            return;
        }
        if (path.Length > 0 && schema["properties"] is null && schema["items"] is null)
        {
            shapes[path] = schema["enum"] is JsonArray values
                ? "enum[" + string.Join(",", values.Select(v => v?.ToJsonString()).Order(StringComparer.Ordinal)) + "]"
                : $"{(string?)schema["type"] ?? "any"}{((string?)schema["format"] is { } format ? "/" + format : "")}";
            return;
        }
        if (schema["items"] is { } items)
        {
            CollectShapes(document, items, path + "[]", shapes, visiting);
        }
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            CollectShapes(document, property, path.Length == 0 ? name : $"{path}.{name}", shapes, visiting);
        }
    }

    private static IEnumerable<string> EnumMembers(string shape) => shape["enum[".Length..^1].Split(',');

    private static HashSet<string> EnumValues(JsonNode? schema) =>
        (schema?["enum"]?.AsArray() ?? []).Select(v => v?.ToJsonString() ?? "null").ToHashSet(StringComparer.Ordinal);

    private static JsonNode? Resolve(JsonNode document, JsonNode? node)
    {
        for (var hops = 0; hops < 16 && (string?)node?["$ref"] is { } reference; hops++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }
            node = document;
            foreach (var segment in reference[2..].Split('/'))
            {
                node = node?[segment.Replace("~1", "/").Replace("~0", "~")];
            }
        }
        return node;
    }
}
