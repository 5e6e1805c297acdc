using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Batches;

public abstract partial class BatchesTests
{
    [Fact]
    public async Task Publishing_needs_an_approved_challenge_and_a_window_still_to_come()
    {
        var tf = await Host.As(Cast.TaskForce);
        var empty = await Scenario.OpenBatchAsync();
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/batches/{empty["id"]}/publish")
            .ExpectProblem(HttpStatusCode.Conflict, "batch.nothing_to_publish"));
        var past = await Scenario.BatchAsync(new DateOnly(2020, 12, 29), new DateOnly(2021, 2, 10));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/batches/{past["id"]}/publish")
            .ExpectProblem(HttpStatusCode.Conflict, "batch.window_in_past"));
    }

    [Fact]
    public async Task A_published_batch_is_not_published_again_and_nothing_is_stored()
    {
        var tf = await Host.As(Cast.TaskForce);
        var (_, batch) = await Scenario.PublishedAsync();
        Assert.Equal("Published", (string?)batch["status"]);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/batches/{batch["id"]}/publish")
            .ExpectProblem(HttpStatusCode.Conflict, "batch.already_published"));
    }
}
