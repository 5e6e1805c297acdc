using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Batches;

public abstract partial class BatchesTests
{
    [Fact]
    public async Task A_batch_is_updated_with_its_version_and_a_stale_or_missing_version_changes_nothing()
    {
        var batch = await Scenario.OpenBatchAsync();
        var tf = await Host.As(Cast.TaskForce);
        var url = $"/api/v1/batches/{batch["id"]}";
        var body = new { name = "改名后的批次", opensOn = (string)batch["opensOn"]!, closesOn = "2027-01-31" };
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, body).ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        var updated = await tf.PutJson(url, body, "\"1\"").Expect(HttpStatusCode.OK);
        Assert.Equal(2, (int)updated["version"]!);
        Assert.Equal("2027-01-31", (string?)updated["closesOn"]);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, body with { }, "\"1\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
    }

    [Fact]
    public async Task A_published_batch_cannot_be_changed_and_nothing_is_stored()
    {
        var tf = await Host.As(Cast.TaskForce);
        var (_, batch) = await Scenario.PublishedAsync();
        var body = new { name = "发布后改名", opensOn = (string)batch["opensOn"]!, closesOn = (string)batch["closesOn"]! };
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"/api/v1/batches/{batch["id"]}", body, $"\"{(int)batch["version"]!}\"")
            .ExpectProblem(HttpStatusCode.Conflict, "batch.already_published"));
    }
}
