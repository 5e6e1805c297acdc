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
        // The release step (dotnet cake --target=OpenApiRelease) prints this list for the release notes.
        var report = Path.Combine(OpenApiFiles.RepositoryRoot, "artifacts", "openapi", "breaking-changes.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllLines(report, breaks);
        Infrastructure.Figures.Report($"OpenAPI compatibility: {breaks.Count} breaking change(s) against the released " +
                                                  $"{(string?)released["info"]!["version"]}; current {(string?)current["info"]!["version"]}.");
        if (ContractCompatibility.Refusal(released, current, breaks) is { } refusal)
        {
            Assert.Fail(refusal);
        }
    }

    /// <summary>
    /// Breaking changes made to a copy of the committed document, each with the line the check must report. Every one is
    /// run through the same check and verdict as the test above, so that test is proven able to fail.
    /// </summary>
    private static readonly Dictionary<string, (Action<JsonNode> Mutate, string Reported)> Breaking = new()
    {
        ["a removed response property"] = (d => ResponseSchema(d, "/api/v1/challenges/{id}", "get")["properties"]!.AsObject().Remove("title"),
            "removed response property GET /api/v1/challenges/{id} 200 title"),
        ["a new required request property"] = (d =>
            {
                var body = RequestSchema(d, "/api/v1/challenges", "post");
                body["properties"]!["mustNowSend"] = JsonNode.Parse("""{"type":"string"}""");
                body["required"]!.AsArray().Add("mustNowSend");
            },
            "new required request property POST /api/v1/challenges mustNowSend"),
        ["an optional request property made required"] = (d => RequestSchema(d, "/api/v1/challenges", "post")["required"]!.AsArray().Add("titleEn"),
            "new required request property POST /api/v1/challenges titleEn"),
        ["a removed request property (bodies are read strictly)"] = (d => RequestSchema(d, "/api/v1/challenges", "post")["properties"]!.AsObject().Remove("titleEn"),
            "removed request property POST /api/v1/challenges titleEn"),
        ["a request property whose type changed"] = (d => RequestSchema(d, "/api/v1/challenges", "post")["properties"]!["rdMonths"] = JsonNode.Parse("""{"type":"string"}"""),
            "changed request property type POST /api/v1/challenges rdMonths: integer/int32 -> string"),
        ["a narrowed response enum"] = (d => RemoveEnumValue(d, "ChallengeStatus", "Published"),
            "narrowed enum ChallengeStatus: removed \"Published\""),
        ["a narrowed request enum"] = (d => RemoveEnumValue(d, "ChallengeField", "MedicalDevices"),
            "narrowed request enum POST /api/v1/challenges field: removed \"MedicalDevices\""),
        ["a response string that became an enum"] = (d =>
                ResponseSchema(d, "/api/v1/challenges/{id}", "get")["properties"]!["title"] = JsonNode.Parse("""{"type":"string","enum":["A"]}"""),
            "changed response property type GET /api/v1/challenges/{id} 200 title: string -> enum[\"A\"]"),
        ["a removed operation"] = (d => d["paths"]!["/api/v1/challenges/{id}"]!.AsObject().Remove("get"),
            "removed operation GET /api/v1/challenges/{id} (Challenges_Get)"),
        ["a new required parameter"] = (d => d["paths"]!["/api/v1/challenges"]!["get"]!["parameters"]!.AsArray()
                .Add(JsonNode.Parse("""{"name":"mustFilter","in":"query","required":true,"schema":{"type":"string"}}""")),
            "new required parameter GET /api/v1/challenges query:mustFilter"),
    };

    public static TheoryData<string> BreakingChanges() => new(Breaking.Keys);

    [Theory]
    [MemberData(nameof(BreakingChanges))]
    public void The_compatibility_check_refuses_a_breaking_change_naming_where_it_is(string change)
    {
        var released = OpenApiFiles.Load(OpenApiFiles.Committed);
        var current = released.DeepClone();
        Breaking[change].Mutate(current);

        var breaks = ContractCompatibility.BreakingChanges(released, current);
        Assert.Contains(Breaking[change].Reported, breaks);
        var refusal = ContractCompatibility.Refusal(released, current, breaks);
        Assert.NotNull(refusal);
        Assert.Contains(Breaking[change].Reported, refusal);

        // The same change is allowed with a new major version.
        current["info"]!["version"] = $"{ContractCompatibility.MajorVersion(released) + 1}.0.0";
        Assert.Null(ContractCompatibility.Refusal(released, current, ContractCompatibility.BreakingChanges(released, current)));
    }

    [Fact]
    public void A_new_optional_request_property_a_new_response_property_a_new_operation_and_a_new_response_enum_value_pass()
    {
        var released = OpenApiFiles.Load(OpenApiFiles.Committed);
        var current = released.DeepClone();
        RequestSchema(current, "/api/v1/challenges", "post")["properties"]!["mayNowSend"] = JsonNode.Parse("""{"type":"string","nullable":true}""");
        ResponseSchema(current, "/api/v1/challenges/{id}", "get")["properties"]!["addedLater"] = JsonNode.Parse("""{"type":"string"}""");
        current["paths"]!["/api/v1/challenges/{id}/added-later"] = JsonNode.Parse(
            """{"get":{"operationId":"Challenges_AddedLater","responses":{"200":{"description":"OK"}}}}""");
        current["components"]!["schemas"]!["ChallengeStatus"]!["enum"]!.AsArray().Add("AddedLater");

        var breaks = ContractCompatibility.BreakingChanges(released, current);
        Assert.Empty(breaks);
        Assert.Null(ContractCompatibility.Refusal(released, current, breaks));
    }

    private static void RemoveEnumValue(JsonNode document, string schema, string value)
    {
        var values = document["components"]!["schemas"]![schema]!["enum"]!.AsArray();
        Assert.True(values.Remove(values.First(v => (string?)v == value)));
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
}
