using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using System.Text.RegularExpressions;

namespace Jiebang.IntegrationTests.OpenApi;

public sealed class SwaggerDocumentTests(SqliteHost host) : HostTests(host), IClassFixture<SqliteHost>
{
    /// <summary>Actions that take nothing but the resource in the path.</summary>
    private static readonly string[] BodylessActions = ["/publish", "/verify", "/eligibility-check", "/assign", "/open-scoring", "/close", "/submit", "/decide", "/publicise", "/finalise", "/issuer-confirmation",
        "/eligibility-check-jobs", "/assign-jobs", "/rounds/{id}/export-jobs", "/sign-out", "/deactivate", "/reactivate", "/revoke", "/rotate", "/approve"];

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

    private static readonly System.Text.RegularExpressions.Regex Cjk = new(@"\p{IsCJKUnifiedIdeographs}");
    private static readonly string[] Modules = ["Platform", "Challenges", "Applications", "Review", "Funding"];

    [Fact]
    public async Task Every_operation_is_described_in_both_languages_with_its_module_security_and_problem_codes()
    {
        var json = JsonNode.Parse(await Host.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        var failures = new List<string>();
        foreach (var (path, item) in json["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var id = $"{method.ToUpperInvariant()} {path} ({(string?)operation!["operationId"]})";
                var summary = (string?)operation["summary"] ?? "";
                if (!Cjk.IsMatch(summary) || !summary.Contains(" / ", StringComparison.Ordinal) || !summary.Split(" / ")[^1].Any(char.IsAsciiLetter))
                {
                    failures.Add($"{id}: summary must be Chinese / English");
                }
                if (!System.Text.RegularExpressions.Regex.IsMatch((string?)operation["operationId"] ?? "", "^[A-Z][A-Za-z]+_[A-Z][A-Za-z]+$"))
                {
                    failures.Add($"{id}: operationId must look like Module_Action");
                }
                if (operation["tags"]?.AsArray().Select(t => (string?)t).SingleOrDefault() is not { } tag || !Modules.Contains(tag))
                {
                    failures.Add($"{id}: exactly one module tag");
                }
                var security = operation["security"]?.AsArray();
                if (security is null || security.Count == 0)
                {
                    failures.Add($"{id}: no security requirement");
                }
                var anonymous = security?.Any(s => s!.AsObject().Count == 0) == true;
                var responses = operation["responses"]!.AsObject();
                if (!responses.Any(r => r.Key.StartsWith('2')))
                {
                    failures.Add($"{id}: no success response");
                }
                if (!anonymous && !responses.ContainsKey("401"))
                {
                    failures.Add($"{id}: requires a caller but does not declare 401");
                }
                foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4')))
                {
                    if (response!["content"]?["application/problem+json"] is null)
                    {
                        failures.Add($"{id}: {status} is not a problem document");
                    }
                    var codes = response["x-problem-codes"]?.AsArray().Select(c => (string?)c).ToList() ?? [];
                    if (codes.Count == 0)
                    {
                        failures.Add($"{id}: {status} lists no problem codes (declare them with .Codes({status}, ...))");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_problem_code_the_code_can_answer_with_is_documented_on_some_operation()
    {
        var json = JsonNode.Parse(await Host.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        var documented = json["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject())
            .SelectMany(o => o.Value!["responses"]!.AsObject())
            .SelectMany(r => r.Value!["x-problem-codes"]?.AsArray().Select(c => (string)c!) ?? [])
            .ToHashSet(StringComparer.Ordinal);

        var source = Path.Combine(OpenApiFiles.RepositoryRoot, "api", "src");
        var conflict = new System.Text.RegularExpressions.Regex(@"Problems\.Conflict\(\s*""(?<code>[a-z_]+(\.[a-z_]+)+)""");
        var of = new System.Text.RegularExpressions.Regex(@"Problems\.Of\(\s*(StatusCodes\.Status)?(?<status>4\d\d)\w*\s*,\s*""(?<code>[a-z_]+(\.[a-z_]+)+)""");
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            used.UnionWith(conflict.Matches(text).Select(m => m.Groups["code"].Value));
            used.UnionWith(of.Matches(text).Select(m => m.Groups["code"].Value));
        }
        Assert.NotEmpty(used);
        var missing = used.Where(c => !documented.Contains(c)).ToList();
        Assert.True(missing.Count == 0,
            "Problem codes answered by the code but named on no operation (declare them with .Codes(status, ...)): " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Where_configured_the_ui_and_the_document_carry_the_security_headers_of_every_response()
    {
        var client = Host.Anonymous();
        foreach (var path in new[] { "/swagger/index.html", "/swagger/v1/swagger.json", "/swagger/index.js" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
        }
    }
}
