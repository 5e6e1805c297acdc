using System.Net;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.ApiKeys;

public abstract partial class ApiKeysTests
{
    [Fact]
    public async Task Rotating_gives_a_working_new_key_for_the_same_district_and_the_old_one_answers_401()
    {
        var created = await CreateAsync("110105", "朝阳区门户（轮换测试）");
        var (oldKey, oldId) = ((string)created["key"]!, (string)created["apiKey"]!["id"]!);
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(oldKey));
        var tf = await Host.As(Cast.TaskForce);
        var auditor = await Host.As(Cast.Auditor);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{Url}/{oldId}/rotate")
            .ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));

        using var response = await tf.PostJson($"{Url}/{oldId}/rotate", ifMatch: "\"1\"");
        var rotated = await Task.FromResult(response).Expect(HttpStatusCode.Created);
        var (newKey, newItem) = ((string)rotated["key"]!, rotated["apiKey"]!);
        Assert.NotEqual(oldKey, newKey);
        Assert.NotEqual(oldId, (string?)newItem["id"]);
        Assert.Equal("朝阳区门户（轮换测试）", (string?)newItem["name"]);
        Assert.Equal("110105", (string?)newItem["districtCode"]);
        Assert.True((bool)newItem["active"]!);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        Assert.Equal(HttpStatusCode.Unauthorized, await ProbeAsync(oldKey));
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(newKey));
        var old = await ItemAsync(oldId);
        Assert.False((bool)old["active"]!);
        Assert.NotNull(old["revokedAt"]);
        await using (var connection = await Host.Db.OpenAsync())
        {
            Assert.Equal(Guid.Parse((string)newItem["id"]!), await connection.QuerySingleAsync<Guid?>(
                "SELECT replaced_by FROM platform_api_key WHERE id = @Id", new { Id = Guid.Parse(oldId) }));
        }
        Assert.Equal(["Create", "Rotate"], (await AuditAsync(oldId)).Select(a => (string)a!["action"]!).Reverse().ToArray());
        Assert.DoesNotContain(newKey, (string?)(await AuditAsync(newItem["id"]!)).Single()!["summary"]);

        // A revoked key is not rotated again.
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{Url}/{oldId}/rotate", ifMatch: "\"2\"")
            .ExpectProblem(HttpStatusCode.Conflict, "api_key.revoked"));
        await DatabaseSnapshot.Unchanged(Host, () => auditor.PostJson($"{Url}/{newItem["id"]}/rotate", ifMatch: "\"1\"")
            .Expect(HttpStatusCode.Forbidden));
    }
}
