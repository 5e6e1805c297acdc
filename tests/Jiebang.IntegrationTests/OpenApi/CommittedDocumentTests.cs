using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.OpenApi;

/// <summary>The committed document is the contract: the host must produce exactly it.</summary>
public sealed class CommittedDocumentTests(SqliteHost host) : HostTests(host), IClassFixture<SqliteHost>
{
    [Fact]
    public async Task The_committed_document_is_what_the_host_generates()
    {
        var generated = JsonNode.Parse(await Host.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        var text = OpenApiFiles.Format(generated);
        if (Environment.GetEnvironmentVariable(OpenApiFiles.RefreshVariable) == "1")
        {
            await File.WriteAllTextAsync(OpenApiFiles.Committed, text);
        }

        var committed = File.Exists(OpenApiFiles.Committed) ? OpenApiFiles.Load(OpenApiFiles.Committed) : null;
        if (committed is not null && JsonNode.DeepEquals(committed, generated))
        {
            return;
        }
        var fresh = Path.Combine(OpenApiFiles.RepositoryRoot, "artifacts", "openapi", "jiebang.v1.json");
        Directory.CreateDirectory(Path.GetDirectoryName(fresh)!);
        await File.WriteAllTextAsync(fresh, text);
        var differences = committed is null ? ["the committed file is missing"] : DocumentDiff.Describe(committed, generated).Take(20).ToList();
        Assert.Fail(
            $"api/openapi/jiebang.v1.json is not what the host generates. Refresh it with `{OpenApiFiles.RefreshCommand}` " +
            $"(the generated copy is at {fresh}), review the change and commit it. 已提交的 OpenAPI 文档已过期，请运行上述命令刷新。\n" +
            string.Join("\n", differences));
    }
}

/// <summary>A short, readable list of where two JSON documents differ.</summary>
public static class DocumentDiff
{
    public static IEnumerable<string> Describe(JsonNode? left, JsonNode? right, string at = "$")
    {
        switch (left, right)
        {
            case (JsonObject l, JsonObject r):
                foreach (var (key, value) in l)
                {
                    if (!r.ContainsKey(key))
                    {
                        yield return $"- removed {at}.{key}";
                    }
                    else
                    {
                        foreach (var d in Describe(value, r[key], $"{at}.{key}"))
                        {
                            yield return d;
                        }
                    }
                }
                foreach (var (key, _) in r)
                {
                    if (!l.ContainsKey(key))
                    {
                        yield return $"+ added {at}.{key}";
                    }
                }
                break;
            case (JsonArray l, JsonArray r) when l.Count == r.Count:
                for (var i = 0; i < l.Count; i++)
                {
                    foreach (var d in Describe(l[i], r[i], $"{at}[{i}]"))
                    {
                        yield return d;
                    }
                }
                break;
            default:
                if (!JsonNode.DeepEquals(left, right))
                {
                    yield return $"~ changed {at}: {Short(left)} -> {Short(right)}";
                }
                break;
        }
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
