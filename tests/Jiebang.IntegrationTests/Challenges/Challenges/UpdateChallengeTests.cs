using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Challenges;

public abstract partial class ChallengesTests
{
    [Fact]
    public async Task A_stale_or_missing_if_match_is_refused_and_changes_nothing()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var draft = await Scenario.DraftAsync(batchId);
        var issuer = await Host.As(Cast.IssuerA);
        var url = $"/api/v1/challenges/{draft["id"]}";
        await issuer.PutJson(url, Scenario.ChallengeChanges("第一次修改"), "\"1\"").Expect(HttpStatusCode.OK);

        await DatabaseSnapshot.Unchanged(Host, () => issuer.PutJson(url, Scenario.ChallengeChanges("过期版本"), "\"1\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PutJson(url, Scenario.ChallengeChanges("没有版本"))
            .ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson($"{url}/submit", null, "\"1\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        var current = await issuer.GetAsync(url);
        Assert.Equal("\"2\"", current.Headers.ETag?.Tag);
        Assert.Equal("第一次修改", (string?)(await current.NodeAsync())["title"]);
    }
}
