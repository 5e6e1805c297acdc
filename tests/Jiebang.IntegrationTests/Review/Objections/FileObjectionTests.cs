using System.Net;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Objections;

public abstract class FileObjectionTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task A_party_may_hold_only_three_open_objections_on_one_item_and_may_file_again_once_one_is_resolved()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var expert = await review.ExpertAsync();
            var (applicationId, _) = await review.EligibleApplicationAsync();
            var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("ApplicationReview", Host.Clock.GetUtcNow(), expertsPerItem: 1, maxLoad: 2))
                .Expect(HttpStatusCode.Created);
            var roundId = (string)round["id"]!;
            var added = await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = applicationId }).Expect(HttpStatusCode.OK);
            var itemId = (string)added["items"]!.AsArray().Single()!["id"]!;
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/assign").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/open-scoring").Expect(HttpStatusCode.OK);
            var client = await Host.As(expert.UserName);
            await ReviewScenario.ScoreAndSubmitAsync(client, await review.AssignmentOfAsync(client, itemId), 90, 85);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/close").Expect(HttpStatusCode.OK);
            var applicant = await Host.As(Cast.Applicant);
            var issuerA = await Host.As(Cast.IssuerA);
            await issuerA.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/matchmaking", new { matched = true, note = "双方达成一致" })
                .Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/decision", new { outcome = "Pass", reason = "评分最高" }).Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/decide").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/publicise").Expect(HttpStatusCode.OK);

            var ids = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                var filed = await applicant.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId, reason = $"异议{i}" })
                    .Expect(HttpStatusCode.Created);
                ids.Add((string)filed["id"]!);
            }
            var refused = await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId, reason = "第四条异议" })
                .ExpectProblem(HttpStatusCode.Conflict, "review.objection_limit_reached"));
            Assert.Contains("未处理的异议", (string?)refused["detail"]);
            Assert.Contains("unresolved objections", (string?)refused["detail"]);

            // The limit is per organisation: the other party still files.
            await issuerA.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId, reason = "发榜方异议" }).Expect(HttpStatusCode.Created);

            // A resolved objection no longer counts.
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/objections/{ids[0]}/resolve", new { outcome = "Dismissed", resolution = "维持原决定" })
                .Expect(HttpStatusCode.OK);
            await applicant.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId, reason = "补充异议" }).Expect(HttpStatusCode.Created);
            await applicant.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId, reason = "再次异议" })
                .ExpectProblem(HttpStatusCode.Conflict, "review.objection_limit_reached");

            await using var connection = await Host.Db.OpenAsync();
            Assert.Equal(3, await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM review_objection WHERE organisation_id = @Org AND status = 'Open'", new { Org = Host.Cast.ApplicantOrg }));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class FileObjectionTestsOnSqlite(SqliteHost host) : FileObjectionTests(host), IClassFixture<SqliteHost>;
public sealed class FileObjectionTestsOnPostgres(PostgresHost host) : FileObjectionTests(host), IClassFixture<PostgresHost>;
public sealed class FileObjectionTestsOnSqlServer(SqlServerHost host) : FileObjectionTests(host), IClassFixture<SqlServerHost>;
