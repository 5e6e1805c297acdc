using System.Net;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>
/// Objections, their resolutions, decisions and the round's own transitions racing on one item during publication: every
/// request gets a clear answer, each objection is resolved once, the item has one decision, and the round ends in a state
/// its rules allow (never final with an open objection), with one audit record per change that succeeded.
/// </summary>
public abstract class ReviewConcurrentObjectionTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Objections_resolutions_and_decisions_racing_on_one_item_end_in_one_consistent_state()
    {
        var tf = await Host.As(Cast.TaskForce);
        var issuer = await Host.As(Cast.IssuerA);
        var applicant = await Host.As(Cast.Applicant);
        var review = new ReviewScenario(Host);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var experts = new[] { await review.ExpertAsync(), await review.ExpertAsync() };
            var item = await review.ApplicationItemAsync([new { name = "王教授", title = "教授", role = "负责人" }], expertsPerItem: 2);
            var round = item.RoundId;
            await tf.PostJson($"/api/v1/review/rounds/{round}/assign").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{round}/open-scoring").Expect(HttpStatusCode.OK);
            foreach (var expert in experts)
            {
                var client = await Host.As(expert.UserName);
                await ReviewScenario.ScoreAndSubmitAsync(client, await review.AssignmentOfAsync(client, item.ItemId), 80m, 75m);
            }
            Host.Clock.SetUtcNow(Host.Clock.GetUtcNow().AddDays(3));
            await tf.PostJson($"/api/v1/review/rounds/{round}/close").Expect(HttpStatusCode.OK);
            await issuer.PutJson($"/api/v1/review/rounds/{round}/items/{item.ItemId}/matchmaking", new { matched = true, note = "对接" }).Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/rounds/{round}/items/{item.ItemId}/decision", new { outcome = "Pass", reason = "通过" }).Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{round}/decide").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{round}/publicise").Expect(HttpStatusCode.OK);

            // Both parties file objections at once, each as many as one party may have open on one item.
            var filed = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? applicant : issuer)
                .PostJson($"/api/v1/review/rounds/{round}/objections", new { itemId = item.ItemId, reason = $"异议{i}" })));
            Assert.All(filed, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var objections = new List<string>();
            foreach (var r in filed)
            {
                objections.Add((string)(await r.NodeAsync())["id"]!);
            }

            // Each objection resolved three times at once (the first upheld, the others dismissed), while decisions on the
            // item are recorded and the round is asked to finalise.
            var resolutions = objections.SelectMany((id, i) => Enumerable.Range(0, 3).Select(_ =>
                tf.PostJson($"/api/v1/review/rounds/{round}/objections/{id}/resolve", new { outcome = i == 0 ? "Upheld" : "Dismissed", resolution = "复核" }))).ToList();
            var decisions = Enumerable.Range(0, 6).Select(i =>
                tf.PutJson($"/api/v1/review/rounds/{round}/items/{item.ItemId}/decision", new { outcome = i % 2 == 0 ? "Pass" : "Fail", reason = $"复核决定{i}" })).ToList();
            var lateObjections = Enumerable.Range(0, 4).Select(i =>
                applicant.PostJson($"/api/v1/review/rounds/{round}/objections", new { itemId = item.ItemId, reason = $"再次异议{i}" })).ToList();
            var resolved = await Task.WhenAll(resolutions);
            var decided = await Task.WhenAll(decisions);
            var late = await Task.WhenAll(lateObjections);

            var all = resolved.Concat(decided).Concat(late).ToList();
            Assert.All(all, r => Assert.True((int)r.StatusCode is 200 or 201 or 409, $"unexpected {(int)r.StatusCode}"));
            foreach (var r in all.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            }
            // Each objection resolved exactly once.
            for (var i = 0; i < objections.Count; i++)
            {
                Assert.Equal(1, resolved.Skip(i * 3).Take(3).Count(r => r.StatusCode == HttpStatusCode.OK));
            }

            // The objection period ends; finalising now races with the last resolutions of the late objections.
            Host.Clock.SetUtcNow(Host.Clock.GetUtcNow().AddDays(6));
            var lateIds = new List<string>();
            foreach (var r in late.Where(r => r.StatusCode == HttpStatusCode.Created))
            {
                lateIds.Add((string)(await r.NodeAsync())["id"]!);
            }
            var finalise = Enumerable.Range(0, 3).Select(_ => tf.PostJson($"/api/v1/review/rounds/{round}/finalise")).ToList();
            var lastResolutions = lateIds.Select(id =>
                tf.PostJson($"/api/v1/review/rounds/{round}/objections/{id}/resolve", new { outcome = "Dismissed", resolution = "驳回" })).ToList();
            var finalised = await Task.WhenAll(finalise);
            var lastResolved = await Task.WhenAll(lastResolutions);
            Assert.All(finalised.Concat(lastResolved), r => Assert.True((int)r.StatusCode is 200 or 409, $"unexpected {(int)r.StatusCode}"));
            Assert.True(finalised.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1);

            await using var connection = await Host.Db.OpenAsync();
            var status = await connection.ExecuteScalarAsync<string>("SELECT status FROM review_round WHERE id = @Id", new { Id = Guid.Parse(round) });
            var open = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM review_objection WHERE round_id = @Id AND status = 'Open'", new { Id = Guid.Parse(round) });
            var stored = (await connection.QueryAsync<string>("SELECT status FROM review_objection WHERE round_id = @Id", new { Id = Guid.Parse(round) })).ToList();
            Assert.Equal(objections.Count + lateIds.Count, stored.Count);
            if (status == "Final")
            {
                Assert.Equal(0, open);
                Assert.Single(finalised, r => r.StatusCode == HttpStatusCode.OK);
            }
            else
            {
                Assert.Equal("Publicised", status);
                Assert.True(open > 0 || finalised.All(r => r.StatusCode != HttpStatusCode.OK));
            }
            // One decision for the item, the one the last successful decision wrote; one audit record per success.
            var decisionRows = (await connection.QueryAsync<string>("SELECT outcome FROM review_decision WHERE item_id = @Id", new { Id = Guid.Parse(item.ItemId) })).ToList();
            Assert.Single(decisionRows);
            var audits = (await connection.QueryAsync<string>(
                "SELECT action FROM platform_audit WHERE module = 'Review' AND entity_type IN ('Objection', 'Decision')")).ToList();
            Assert.Equal(objections.Count + lateIds.Count, audits.Count(a => a == "File"));
            Assert.Equal(resolved.Concat(lastResolved).Count(r => r.StatusCode == HttpStatusCode.OK), audits.Count(a => a == "Resolve"));
            Assert.Equal(stored.Count(s => s != "Open"), audits.Count(a => a == "Resolve"));
            Assert.Equal(1 + decided.Count(r => r.StatusCode == HttpStatusCode.OK), audits.Count(a => a == "Decide"));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class ReviewConcurrentObjectionTestsOnSqlite(SqliteHost host) : ReviewConcurrentObjectionTests(host), IClassFixture<SqliteHost>;
public sealed class ReviewConcurrentObjectionTestsOnPostgres(PostgresHost host) : ReviewConcurrentObjectionTests(host), IClassFixture<PostgresHost>;
public sealed class ReviewConcurrentObjectionTestsOnSqlServer(SqlServerHost host) : ReviewConcurrentObjectionTests(host), IClassFixture<SqlServerHost>;
