using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Jiebang.IntegrationTests.OpenApi;

public sealed class SwaggerDocumentTests(SqliteHost host) : HostTests(host), IClassFixture<SqliteHost>
{
    /// <summary>Actions that take nothing but the resource in the path.</summary>
    private static readonly string[] BodylessActions = ["/publish", "/eligibility-check", "/assign", "/open-scoring", "/close", "/submit", "/decide", "/publicise", "/finalise", "/issuer-confirmation"];

    [Fact]
    public async Task The_document_is_valid_openapi_3_and_no_get_has_a_request_body()
    {
        var json = await Host.Anonymous().GetStringAsync("/swagger/v1/swagger.json");
        var result = OpenApiDocument.Parse(json, "json");
        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.StartsWith("3.", result.Diagnostic?.SpecificationVersion switch
        {
            OpenApiSpecVersion.OpenApi3_0 => "3.0",
            OpenApiSpecVersion.OpenApi3_1 => "3.1",
            var other => other?.ToString() ?? "none",
        });

        var paths = JsonNode.Parse(json)!["paths"]!.AsObject();
        var operationIds = new HashSet<string>();
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.False(method is "get" or "delete" && operation!["requestBody"] is not null, $"{method} {path} has a request body");
                var id = (string?)operation!["operationId"];
                Assert.False(string.IsNullOrEmpty(id), $"{method} {path} has no operationId");
                Assert.True(operationIds.Add(id!), $"operationId {id} is used twice");
                Assert.Single(operation["tags"]!.AsArray());
                foreach (var segment in path.Split('/').Where(s => s.StartsWith('{')))
                {
                    var name = segment.Trim('{', '}');
                    Assert.Contains(operation["parameters"]!.AsArray(), p => (string?)p!["name"] == name && (string?)p["in"] == "path");
                }
                if (method is "post" or "put" && !BodylessActions.Any(a => path.EndsWith(a, StringComparison.Ordinal)))
                {
                    Assert.NotNull(operation["requestBody"]);
                }
            }
        }
        Assert.Contains("Challenges_List", operationIds);
        var list = paths["/api/v1/challenges"]!["get"]!;
        Assert.Contains(list["parameters"]!.AsArray(), p => (string?)p!["name"] == "batch" && (string?)p["in"] == "query");
        var status = JsonNode.Parse(json)!["components"]!["schemas"]!["ChallengeStatus"]!;
        Assert.Equal("string", (string?)status["type"]);
        Assert.Contains("Published", status["enum"]!.AsArray().Select(e => (string?)e));
        var schemes = JsonNode.Parse(json)!["components"]!["securitySchemes"]!.AsObject();
        Assert.True(schemes.ContainsKey("Bearer") && schemes.ContainsKey("ApiKey"));
        var update = paths["/api/v1/challenges/{id}"]!["put"]!;
        Assert.Contains(update["parameters"]!.AsArray(), p => (string?)p!["name"] == "If-Match" && (bool)p["required"]!);
        Assert.Contains("412", update["responses"]!.AsObject().Select(r => r.Key));
    }
}
