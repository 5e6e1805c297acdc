using System.Net;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;
using Jiebang.Review.Contracts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Scenarios;

public abstract class ReviewOutcomeTests(JiebangHost host) : HostTests(host)
{
    private async Task<string> StatusAsync(HttpClient tf, string applicationId) =>
        (string)(await tf.GetAsync($"/api/v1/applications/{applicationId}").Expect(HttpStatusCode.OK))["status"]!;

    private async Task<int> AuditCountAsync(HttpClient tf, string entityId) =>
        (int)(await tf.GetAsync($"/api/v1/audit?entityId={entityId}").Expect(HttpStatusCode.OK))["total"]!;

    [Fact]
    public async Task Applications_follow_the_review_through_its_contracts_and_a_challenge_left_without_a_selected_application_is_unawarded()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var expert = await review.ExpertAsync();
            var (strong, strongChallenge) = await review.EligibleApplicationAsync();
            var (weak, weakChallenge) = await review.EligibleApplicationAsync();
            var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("ApplicationReview", Host.Clock.GetUtcNow(), expertsPerItem: 1, maxLoad: 2))
                .Expect(HttpStatusCode.Created);
            var roundId = (string)round["id"]!;
            foreach (var application in new[] { strong, weak })
            {
                await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = application }).Expect(HttpStatusCode.OK);
            }
            var items = (await tf.GetAsync($"/api/v1/review/rounds/{roundId}").Expect(HttpStatusCode.OK))["items"]!.AsArray()
                .ToDictionary(i => (string)i!["subjectId"]!, i => (string)i!["id"]!);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/assign").Expect(HttpStatusCode.OK);
            Assert.Equal("Eligible", await StatusAsync(tf, strong));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/open-scoring").Expect(HttpStatusCode.OK);
            Assert.Equal(["UnderReview", "UnderReview"], [await StatusAsync(tf, strong), await StatusAsync(tf, weak)]);

            var client = await Host.As(expert.UserName);
            await ReviewScenario.ScoreAndSubmitAsync(client, await review.AssignmentOfAsync(client, items[strong]), 90, 85);
            await ReviewScenario.ScoreAndSubmitAsync(client, await review.AssignmentOfAsync(client, items[weak]), 40, 50);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/close").Expect(HttpStatusCode.OK);
            Assert.Equal(["Recommended", "NotRecommended"], [await StatusAsync(tf, strong), await StatusAsync(tf, weak)]);

            // The same notification again changes nothing: no move, no audit record. Published directly on purpose: the
            // outbox delivers each message once, so only a second delivery by hand shows that the Applications handlers are
            // idempotent (as a redelivery after a crash between handling and marking the row dispatched would need).
            var before = await AuditCountAsync(tf, strong);
            using (var scope = Host.Services.CreateScope())
            {
                var publisher = scope.ServiceProvider.GetRequiredService<IPublisher>();
                await publisher.Publish(new ReviewRoundClosed(Guid.Parse(roundId), ReviewRoundKind.ApplicationReview,
                    [new ReviewedSubject(Guid.Parse(strong), true), new ReviewedSubject(Guid.Parse(weak), false)]));
                await publisher.Publish(new ReviewScoringOpened(Guid.Parse(roundId), ReviewRoundKind.ApplicationReview, [Guid.Parse(strong)]));
            }
            Assert.Equal("Recommended", await StatusAsync(tf, strong));
            Assert.Equal(before, await AuditCountAsync(tf, strong));

            // Matchmaking (对接): a success makes it Matched; recorded again as failed, it returns to its review result.
            var issuer = await Host.As(Cast.IssuerA);
            var matchmaking = $"/api/v1/review/rounds/{roundId}/items/{items[strong]}/matchmaking";
            await issuer.PutJson(matchmaking, new { matched = true, note = "双方达成一致" }).Expect(HttpStatusCode.OK);
            Assert.Equal("Matched", await StatusAsync(tf, strong));
            await issuer.PutJson(matchmaking, new { matched = false, note = "价格未谈妥" }).Expect(HttpStatusCode.OK);
            Assert.Equal("Recommended", await StatusAsync(tf, strong));
            await issuer.PutJson(matchmaking, new { matched = true, note = "再次对接，达成一致" }).Expect(HttpStatusCode.OK);
            await issuer.PutJson(matchmaking, new { matched = true, note = "再次对接，达成一致" }).Expect(HttpStatusCode.OK);
            Assert.Equal("Matched", await StatusAsync(tf, strong));
            await issuer.PutJson($"/api/v1/review/rounds/{roundId}/items/{items[weak]}/matchmaking", new { matched = false, note = "未达成一致" })
                .Expect(HttpStatusCode.OK);
            Assert.Equal("NotRecommended", await StatusAsync(tf, weak));

            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{items[strong]}/decision", new { outcome = "Pass", reason = "对接成功" }).Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{items[weak]}/decision", new { outcome = "Fail", reason = "未达阈值" }).Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/decide").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/publicise").Expect(HttpStatusCode.OK);
            Host.Clock.SetUtcNow(Host.Clock.GetUtcNow().AddDays(6));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/finalise").Expect(HttpStatusCode.OK);

            Assert.Equal(["Selected", "NotSelected"], [await StatusAsync(tf, strong), await StatusAsync(tf, weak)]);
            // 流榜: the challenge whose only application was not selected is Unawarded; the other stays Published.
            Assert.Equal("Unawarded", (string?)(await tf.GetAsync($"/api/v1/challenges/{weakChallenge}").Expect(HttpStatusCode.OK))["status"]);
            Assert.Equal("Published", (string?)(await tf.GetAsync($"/api/v1/challenges/{strongChallenge}").Expect(HttpStatusCode.OK))["status"]);
            var finalAudit = await tf.GetAsync($"/api/v1/audit?entityId={roundId}&action=Finalise").Expect(HttpStatusCode.OK);
            Assert.Contains(weakChallenge, finalAudit["items"]!.ToJsonString());
            var decisions = await tf.GetAsync($"/api/v1/audit?action=Decide").Expect(HttpStatusCode.OK);
            Assert.True((int)decisions["total"]! >= 2);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class ReviewOutcomeTestsOnSqlite(SqliteHost host) : ReviewOutcomeTests(host), IClassFixture<SqliteHost>;
public sealed class ReviewOutcomeTestsOnPostgres(PostgresHost host) : ReviewOutcomeTests(host), IClassFixture<PostgresHost>;
public sealed class ReviewOutcomeTestsOnSqlServer(SqlServerHost host) : ReviewOutcomeTests(host), IClassFixture<SqlServerHost>;
