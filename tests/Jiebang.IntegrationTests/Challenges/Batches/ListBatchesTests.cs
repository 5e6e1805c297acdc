using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Batches;

public abstract partial class BatchesTests
{
    [Fact]
    public async Task Draft_batches_are_invisible_to_the_public_and_visible_once_published()
    {
        var (_, published) = await Scenario.PublishedAsync();
        var draft = await Scenario.OpenBatchAsync();
        var anonymous = Host.Anonymous();
        await anonymous.GetAsync($"/api/v1/batches/{draft["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        var list = (await anonymous.GetAsync("/api/v1/batches").Expect(HttpStatusCode.OK)).AsArray();
        Assert.DoesNotContain(list, b => (string?)b!["id"] == (string?)draft["id"]);
        Assert.Contains(list, b => (string?)b!["id"] == (string?)published["id"]);
        var got = await anonymous.GetAsync($"/api/v1/batches/{published["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal("Published", (string?)got["status"]);
        Assert.Equal(1, (int)got["publishedChallenges"]!);
        var tfList = (await (await Host.As(Cast.TaskForce)).GetAsync("/api/v1/batches").Expect(HttpStatusCode.OK)).AsArray();
        Assert.Contains(tfList, b => (string?)b!["id"] == (string?)draft["id"]);
    }
}
