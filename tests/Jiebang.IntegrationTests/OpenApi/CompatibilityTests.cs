using System.Text.Json.Nodes;

namespace Jiebang.IntegrationTests.OpenApi;

public sealed class CompatibilityTests
{
    [Fact]
    public void The_committed_document_keeps_every_promise_of_the_released_one_or_bumps_the_major_version()
    {
        var released = OpenApiFiles.Load(OpenApiFiles.Released);
        var current = OpenApiFiles.Load(OpenApiFiles.Committed);
        var breaks = ContractCompatibility.BreakingChanges(released, current);
        var bumped = ContractCompatibility.MajorVersion(current) > ContractCompatibility.MajorVersion(released);
        // The release step (dotnet cake --target=OpenApiRelease) prints this list for the release notes.
        var report = Path.Combine(OpenApiFiles.RepositoryRoot, "artifacts", "openapi", "breaking-changes.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllLines(report, breaks);
        Infrastructure.Figures.Report($"OpenAPI compatibility: {breaks.Count} breaking change(s) against the released " +
                                                  $"{(string?)released["info"]!["version"]}; current {(string?)current["info"]!["version"]}.");
        Assert.True(breaks.Count == 0 || bumped,
            "Breaking changes against api/openapi/released/jiebang.v1.json without a new major version " +
            "(与已发布版本不兼容，须提升主版本号):\n" + string.Join("\n", breaks));
    }

    [Fact]
    public void Adding_an_operation_an_optional_property_and_an_enum_value_is_compatible()
    {
        var released = OpenApiFiles.Load(OpenApiFiles.Committed);
        var current = released.DeepClone();
        current["paths"]!["/api/v1/new-thing"] = JsonNode.Parse("""{"get":{"operationId":"New_Get","responses":{"200":{"description":"OK"}}}}""");
        var schema = FirstObjectSchemaWithProperties(current);
        schema["properties"]!["addedLater"] = JsonNode.Parse("""{"type":"string"}""");
        FirstEnum(current)["enum"]!.AsArray().Add("AddedLater");

        Assert.Empty(ContractCompatibility.BreakingChanges(released, current));
    }

    [Fact]
    public void Removing_an_operation_is_a_breaking_change()
    {
        var released = OpenApiFiles.Load(OpenApiFiles.Committed);
        var current = released.DeepClone();
        current["paths"]!.AsObject().Remove("/api/v1/challenges/{id}");

        var breaks = ContractCompatibility.BreakingChanges(released, current);
        Assert.Contains(breaks, b => b.StartsWith("removed operation GET /api/v1/challenges/{id}", StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_a_response_property_is_a_breaking_change()
    {
        var released = OpenApiFiles.Load(OpenApiFiles.Committed);
        var current = released.DeepClone();
        var detail = ResponseSchema(current, "/api/v1/challenges/{id}", "get");
        var property = detail["properties"]!.AsObject().First().Key;
        detail["properties"]!.AsObject().Remove(property);

        var breaks = ContractCompatibility.BreakingChanges(released, current);
        Assert.Contains(breaks, b => b.StartsWith("removed response property GET /api/v1/challenges/{id} 200", StringComparison.Ordinal) && b.EndsWith(" " + property, StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_required_request_property_or_parameter_is_a_breaking_change()
    {
        var released = OpenApiFiles.Load(OpenApiFiles.Committed);
        var current = released.DeepClone();
        var body = RequestSchema(current, "/api/v1/challenges", "post");
        body["properties"]!["mustNowSend"] = JsonNode.Parse("""{"type":"string"}""");
        (body["required"] ??= new JsonArray()).AsArray().Add("mustNowSend");
        current["paths"]!["/api/v1/challenges"]!["get"]!["parameters"]!.AsArray()
            .Add(JsonNode.Parse("""{"name":"mustFilter","in":"query","required":true,"schema":{"type":"string"}}"""));

        var breaks = ContractCompatibility.BreakingChanges(released, current);
        Assert.Contains("new required request property POST /api/v1/challenges mustNowSend", breaks);
        Assert.Contains("new required parameter GET /api/v1/challenges query:mustFilter", breaks);
    }

    [Fact]
    public void Narrowing_an_enum_is_a_breaking_change_unless_the_major_version_is_bumped()
    {
        var released = OpenApiFiles.Load(OpenApiFiles.Committed);
        var current = released.DeepClone();
        var status = current["components"]!["schemas"]!["ChallengeStatus"]!["enum"]!.AsArray();
        status.Remove(status.First(v => (string?)v == "Published"));

        var breaks = ContractCompatibility.BreakingChanges(released, current);
        Assert.Contains("narrowed enum ChallengeStatus: removed \"Published\"", breaks);

        current["info"]!["version"] = $"{ContractCompatibility.MajorVersion(released) + 1}.0.0";
        Assert.True(ContractCompatibility.MajorVersion(current) > ContractCompatibility.MajorVersion(released));
    }

    [Fact]
    public void A_response_string_that_becomes_an_enum_is_a_breaking_change()
    {
        var released = OpenApiFiles.Load(OpenApiFiles.Committed);
        var current = released.DeepClone();
        var detail = ResponseSchema(current, "/api/v1/challenges/{id}", "get");
        detail["properties"]!["title"] = JsonNode.Parse("""{"type":"string","enum":["A","B"]}""");
        var before = ResponseSchema(released, "/api/v1/challenges/{id}", "get");
        before["properties"]!["title"] = JsonNode.Parse("""{"type":"string"}""");

        var breaks = ContractCompatibility.BreakingChanges(released, current);
        Assert.Contains("changed response property type GET /api/v1/challenges/{id} 200 title: string -> enum[\"A\",\"B\"]", breaks);
    }

    [Fact]
    public void Narrowing_the_values_a_request_property_accepts_is_a_breaking_change()
    {
        var released = OpenApiFiles.Load(OpenApiFiles.Committed);
        var current = released.DeepClone();
        var body = RequestSchema(current, "/api/v1/challenges", "post");
        var name = body["properties"]!.AsObject().First(p => (string?)p.Value!["allOf"]?[0]?["$ref"] is not null).Key;
        var enumName = ((string)body["properties"]![name]!["allOf"]![0]!["$ref"]!).Split('/')[^1];
        var values = current["components"]!["schemas"]![enumName]!["enum"]!.AsArray();
        current["components"]!["schemas"]!["Narrower"] = JsonNode.Parse($$"""{"type":"string","enum":[{{values[0]!.ToJsonString()}}]}""");
        body["properties"]![name] = JsonNode.Parse("""{"allOf":[{"$ref":"#/components/schemas/Narrower"}]}""");

        var breaks = ContractCompatibility.BreakingChanges(released, current);
        Assert.Contains(breaks, b => b.StartsWith($"narrowed request enum POST /api/v1/challenges {name}: removed ", StringComparison.Ordinal));
    }

    private static JsonNode RequestSchema(JsonNode document, string path, string method) =>
        Deref(document, document["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!);

    private static JsonNode ResponseSchema(JsonNode document, string path, string method) =>
        Deref(document, document["paths"]![path]![method]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);

    private static JsonNode Deref(JsonNode document, JsonNode schema) =>
        (string?)schema["$ref"] is { } reference ? document["components"]!["schemas"]![reference.Split('/')[^1]]! : schema;

    private static JsonNode FirstObjectSchemaWithProperties(JsonNode document) =>
        document["components"]!["schemas"]!.AsObject().Select(s => s.Value!).First(s => s["properties"] is JsonObject);

    private static JsonNode FirstEnum(JsonNode document) =>
        document["components"]!["schemas"]!.AsObject().Select(s => s.Value!).First(s => s["enum"] is JsonArray);
}
