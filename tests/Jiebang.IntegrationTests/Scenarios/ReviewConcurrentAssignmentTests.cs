using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;

namespace Jiebang.IntegrationTests.Scenarios;

public abstract class ReviewConcurrentAssignmentTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Concurrent_assign_requests_never_assign_an_item_more_experts_than_its_count()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var batch = await Scenario.OpenBatchAsync();
        var batchId = Guid.Parse((string)batch["id"]!);
        var a = await review.ChallengeUnderReviewAsync(batchId, Cast.IssuerA);
        var b = await review.ChallengeUnderReviewAsync(batchId, Cast.IssuerB);
        for (var i = 0; i < 8; i++)
        {
            await review.ExpertAsync();
        }
        var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("NeedReview", Host.Clock.GetUtcNow())).Expect(HttpStatusCode.Created);
        var roundId = (string)round["id"]!;
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = a }).Expect(HttpStatusCode.OK);
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = b }).Expect(HttpStatusCode.OK);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => tf.PostJson($"/api/v1/review/rounds/{roundId}/assign")));
        var assigned = 0;
        foreach (var response in responses)
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                assigned += body["assigned"]!.AsArray().Count;
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Assert.Equal("review.concurrent_change", (string?)body["code"]);
            }
        }
        Assert.Equal(6, assigned);
        var detail = await tf.GetAsync($"/api/v1/review/rounds/{roundId}").Expect(HttpStatusCode.OK);
        Assert.All(detail["items"]!.AsArray(), i => Assert.Equal(3, (int)i!["activeAssignments"]!));
    }
}

public sealed class ReviewConcurrentAssignmentTestsOnSqlite(SqliteHost host) : ReviewConcurrentAssignmentTests(host), IClassFixture<SqliteHost>;
public sealed class ReviewConcurrentAssignmentTestsOnPostgres(PostgresHost host) : ReviewConcurrentAssignmentTests(host), IClassFixture<PostgresHost>;
public sealed class ReviewConcurrentAssignmentTestsOnSqlServer(SqlServerHost host) : ReviewConcurrentAssignmentTests(host), IClassFixture<SqlServerHost>;
