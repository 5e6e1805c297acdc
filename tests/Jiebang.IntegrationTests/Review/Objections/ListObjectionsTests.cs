using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Objections;

public abstract class ListObjectionsTests(JiebangHost host) : HostTests(host)
{
    private static async Task<JsonNode> ObjectionsAsync(HttpClient client, string roundId, string query = "") =>
        await client.GetAsync($"/api/v1/review/rounds/{roundId}/objections{query}").Expect(HttpStatusCode.OK);

    [Fact]
    public async Task The_task_force_lists_every_objection_of_a_round_and_a_party_only_its_own()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var expert = await review.ExpertAsync();
            // The Applicant leads the application; issuer A issued the challenge: both are parties of the item.
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
            // Before publication the round is not the parties' to read: 404, as for its publication.
            await applicant.GetAsync($"/api/v1/review/rounds/{roundId}/objections").ExpectProblem(HttpStatusCode.NotFound, "not_found");
            Assert.Equal(0, (int)(await ObjectionsAsync(tf, roundId))["total"]!);

            await issuerA.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/matchmaking", new { matched = true, note = "双方达成一致" })
                .Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/decision", new { outcome = "Pass", reason = "评分最高" }).Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/decide").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/publicise").Expect(HttpStatusCode.OK);
            var mine = await applicant.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId, reason = "团队资质认定有误" })
                .Expect(HttpStatusCode.Created);
            var theirs = await issuerA.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId, reason = "预算说明不足" })
                .Expect(HttpStatusCode.Created);

            var all = await ObjectionsAsync(tf, roundId);
            Assert.Equal(2, (int)all["total"]!);
            var filed = all["items"]!.AsArray().Single(o => (string)o!["id"]! == (string)mine["id"]!)!;
            Assert.Equal(itemId, (string?)filed["itemId"]);
            Assert.Equal(Host.Cast.ApplicantOrg.ToString(), (string?)filed["organisationId"]);
            Assert.Equal("团队资质认定有误", (string?)filed["reason"]);
            Assert.Equal("Open", (string?)filed["status"]);
            Assert.Null(filed["resolution"]);
            Assert.False(string.IsNullOrEmpty((string?)filed["subjectCode"]));
            Assert.Equal(2, (int)(await ObjectionsAsync(await Host.As(Cast.Auditor), roundId))["total"]!);

            // Each party sees and counts only what its own organisation filed.
            var applicantView = await ObjectionsAsync(applicant, roundId);
            Assert.Equal(1, (int)applicantView["total"]!);
            Assert.Equal((string?)mine["id"], (string?)applicantView["items"]![0]!["id"]);
            var issuerView = await ObjectionsAsync(issuerA, roundId);
            Assert.Equal(1, (int)issuerView["total"]!);
            Assert.Equal((string?)theirs["id"], (string?)issuerView["items"]![0]!["id"]);
            // Not a party: the round does not exist for it; an expert may not ask at all.
            await (await Host.As(Cast.IssuerB)).GetAsync($"/api/v1/review/rounds/{roundId}/objections").ExpectProblem(HttpStatusCode.NotFound, "not_found");
            await client.GetAsync($"/api/v1/review/rounds/{roundId}/objections").Expect(HttpStatusCode.Forbidden);
            await tf.GetAsync($"/api/v1/review/rounds/{Guid.NewGuid()}/objections").ExpectProblem(HttpStatusCode.NotFound, "not_found");

            // A resolution shows in the list; filters by status and item.
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/objections/{mine["id"]}/resolve", new { outcome = "Dismissed", resolution = "资质认定无误，维持原决定" })
                .Expect(HttpStatusCode.OK);
            var resolved = (await ObjectionsAsync(applicant, roundId))["items"]![0]!;
            Assert.Equal("Dismissed", (string?)resolved["status"]);
            Assert.Equal("资质认定无误，维持原决定", (string?)resolved["resolution"]);
            Assert.NotNull(resolved["resolvedAt"]);
            Assert.Equal(1, (int)(await ObjectionsAsync(tf, roundId, "?status=Open"))["total"]!);
            Assert.Equal(0, (int)(await ObjectionsAsync(applicant, roundId, "?status=Open"))["total"]!);
            Assert.Equal(2, (int)(await ObjectionsAsync(tf, roundId, $"?item={itemId}"))["total"]!);
            var paged = await ObjectionsAsync(tf, roundId, "?pageSize=1&page=2");
            Assert.Equal(2, (int)paged["total"]!);
            Assert.Single(paged["items"]!.AsArray());
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class ListObjectionsTestsOnSqlite(SqliteHost host) : ListObjectionsTests(host), IClassFixture<SqliteHost>;
public sealed class ListObjectionsTestsOnPostgres(PostgresHost host) : ListObjectionsTests(host), IClassFixture<PostgresHost>;
public sealed class ListObjectionsTestsOnSqlServer(SqlServerHost host) : ListObjectionsTests(host), IClassFixture<SqlServerHost>;
