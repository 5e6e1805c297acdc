using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Funding;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Platform.Feed;
using Jiebang.IntegrationTests.Review;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>
/// One project from the issuer's published need to the closed project, through HTTP only: Challenges, Applications,
/// Review and Funding each end in the state the others' messages should have moved them to, with the money exact.
/// </summary>
public abstract class FundingWholeFlowTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task A_challenge_goes_from_publication_to_a_closed_project_with_exact_balances_in_all_four_modules()
    {
        var tf = await Host.As(Cast.TaskForce);
        var issuer = await Host.As(Cast.IssuerA);
        var applicant = await Host.As(Cast.Applicant);
        var review = new ReviewScenario(Host);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            // Challenges: a programme, a batch open for applications, one published need of issuer A.
            var programmeId = await Scenario.ProgrammeAsync();
            var today = DateOnly.FromDateTime(saved.AddHours(8).DateTime);
            var (challenge, batch) = await Scenario.PublishedAsync(await Scenario.BatchAsync(today.AddDays(-1), today.AddDays(30), programmeId));
            var challengeId = (string)challenge["id"]!;
            var batchId = (string)batch["id"]!;
            var indicators = challenge["indicators"]!.AsArray();

            // Applications: the university leads a consortium with an enterprise (70/30) and submits inside the window.
            var application = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, members:
            [
                new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 7000 },
                new { organisationId = Host.Cast.MemberOrg, role = "Member", budgetShareBp = 3000 },
            ])).Expect(HttpStatusCode.Created);
            var applicationId = (string)application["id"]!;
            await Consortia.ConfirmAllAsync(Host, applicationId);
            await applicant.PostJson($"/api/v1/applications/{applicationId}/submit").Expect(HttpStatusCode.OK);
            var experts = new[] { await review.ExpertAsync(), await review.ExpertAsync() };

            // After the deadline: the formal check, then an application review round to Final.
            var closed = DateTimeOffset.Parse((string)batch["closesAt"]!).AddMinutes(1);
            Host.Clock.SetUtcNow(closed);
            await tf.PostJson($"/api/v1/batches/{batchId}/eligibility-check").Expect(HttpStatusCode.OK);
            Assert.Equal("Eligible", (string?)(await tf.GetAsync($"/api/v1/applications/{applicationId}").Expect(HttpStatusCode.OK))["status"]);
            var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("ApplicationReview", closed, expertsPerItem: 2, maxLoad: 5))
                .Expect(HttpStatusCode.Created);
            var roundId = (string)round["id"]!;
            var item = (await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = applicationId }).Expect(HttpStatusCode.OK))["items"]!
                .AsArray().Single()!;
            var itemId = (string)item["id"]!;
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/assign").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/open-scoring").Expect(HttpStatusCode.OK);
            foreach (var expert in experts)
            {
                var client = await Host.As(expert.UserName);
                var assignment = (string)(await client.GetAsync("/api/v1/review/me/assignments").Expect(HttpStatusCode.OK)).AsArray().Single()!["id"]!;
                await client.PutJson($"/api/v1/review/assignments/{assignment}/score", new
                {
                    scores = new[] { new { ordinal = 1, score = 85m }, new { ordinal = 2, score = 80m } }, comment = "方案可行",
                }).Expect(HttpStatusCode.OK);
                await client.PostJson($"/api/v1/review/assignments/{assignment}/submit").Expect(HttpStatusCode.OK);
            }
            Host.Clock.SetUtcNow(closed.AddDays(3));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/close").Expect(HttpStatusCode.OK);
            await issuer.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/matchmaking", new { matched = true, note = "对接一致" })
                .Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/decision", new { outcome = "Pass", reason = "论证通过" })
                .Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/decide").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/publicise").Expect(HttpStatusCode.OK);
            Host.Clock.SetUtcNow(closed.AddDays(9));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/finalise").Expect(HttpStatusCode.OK);
            Assert.Equal("Selected", (string?)(await tf.GetAsync($"/api/v1/applications/{applicationId}").Expect(HttpStatusCode.OK))["status"]);

            // Funding: 30% of (1,000,000 + 2,000,000) = 900,000 committed from a 10,000,000 budget; plan 40/30/30.
            await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(10_000_000L)).Expect(HttpStatusCode.Created);
            var firstIndicator = Guid.Parse((string)indicators[0]!["id"]!);
            var signed = await tf.PostJson("/api/v1/agreements",
                FundingScenario.Agreement(Guid.Parse(applicationId), targets: [(firstIndicator, "≤0.3")])).Expect(HttpStatusCode.Created);
            var id = (string)signed["id"]!;
            Assert.Equal(900_000L, (long)signed["commitmentFen"]!);
            Assert.Equal(["Issuer", "Lead", "Member"], signed["parties"]!.AsArray().Select(p => (string)p!["role"]!).ToArray());
            Assert.Equal(["样机", "中期测试报告"], signed["milestones"]![1]!["deliverables"]!.AsArray().Select(d => (string)d!).ToArray());
            Assert.Equal("≤0.3", (string?)signed["milestones"]![2]!["indicatorTargets"]![0]!["target"]);
            Assert.Equal("Awarded", (string?)(await tf.GetAsync($"/api/v1/challenges/{challengeId}").Expect(HttpStatusCode.OK))["status"]);
            Assert.Equal("Contracted", (string?)(await tf.GetAsync($"/api/v1/applications/{applicationId}").Expect(HttpStatusCode.OK))["status"]);
            await issuer.PostJson($"/api/v1/agreements/{id}/issuer-confirmation").Expect(HttpStatusCode.OK);

            // Three milestones: claimed, verified (partly at first), paid up to what the plan and the verified investment allow.
            (long Issuer, long Applicant, long VerifiedIssuer, long VerifiedApplicant, long Pay)[] milestones =
            [
                (600_000L, 400_000L, 500_000L, 300_000L, 240_000L), // min(40% × 900,000, 30% × 800,000) = 240,000
                (600_000L, 600_000L, 600_000L, 600_000L, 360_000L), // min(70% × 900,000, 30% × 2,000,000) − 240,000 = 360,000
                (500_000L, 500_000L, 500_000L, 500_000L, 300_000L), // min(100% × 900,000, 30% × 3,000,000) − 600,000 = 300,000
            ];
            for (var m = 0; m < milestones.Length; m++)
            {
                var (claimIssuer, claimApplicant, verifiedIssuer, verifiedApplicant, pay) = milestones[m];
                var report = await applicant.PostJson($"/api/v1/agreements/{id}/progress-reports",
                    new { milestoneIndex = m, issuerInvestmentFen = claimIssuer, applicantInvestmentFen = claimApplicant, note = $"第{m + 1}阶段" })
                    .Expect(HttpStatusCode.Created);
                await tf.PostJson($"/api/v1/progress-reports/{report["id"]}/verify",
                    new { verifiedIssuerFen = verifiedIssuer, verifiedApplicantFen = verifiedApplicant }).Expect(HttpStatusCode.OK);
                if (m == 2)
                {
                    // Acceptance passes against the agreed target for the first indicator and the challenge's for the rest.
                    var accepted = await tf.PostJson($"/api/v1/agreements/{id}/acceptance", new
                    {
                        passed = true, notes = "各项指标均达到协议目标",
                        results = indicators.Select(i => new { indicatorId = (string)i!["id"]!, achieved = "0.2", passed = true }).ToArray(),
                    }).Expect(HttpStatusCode.OK);
                    Assert.Equal("≤0.3", (string?)accepted["results"]![0]!["target"]);
                    Assert.Equal((string?)indicators[1]!["target"], (string?)accepted["results"]![1]!["target"]);
                    Assert.Equal("Completed", (string?)(await tf.GetAsync($"/api/v1/challenges/{challengeId}").Expect(HttpStatusCode.OK))["status"]);
                }
                await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/agreements/{id}/disbursements",
                    new { milestoneIndex = m, amountFen = pay + 1, reason = "超额" }).ExpectProblem(HttpStatusCode.Conflict, "funding.payment_exceeds_limit"));
                await tf.PostJson($"/api/v1/agreements/{id}/disbursements", new { milestoneIndex = m, amountFen = pay, reason = $"第{m + 1}期拨付" })
                    .Expect(HttpStatusCode.OK);
            }

            // 谁牵头谁采购: the issuer buys the result, and the project closes.
            await issuer.PostJson($"/api/v1/agreements/{id}/procurements",
                new { contractDate = "2029-03-01", amountFen = 12_000_000L, product = "精密部件 200台" }).Expect(HttpStatusCode.Created);
            var closedProject = await tf.PostJson($"/api/v1/agreements/{id}/close", new { }).Expect(HttpStatusCode.OK);

            // Funding: the ledger, its balances and the batch budget.
            Assert.Equal("Closed", (string?)closedProject["status"]);
            Assert.Equal(["Commit", "Disburse", "Disburse", "Disburse"], closedProject["ledger"]!.AsArray().Select(e => (string)e!["kind"]!).ToArray());
            Assert.Equal([900_000L, 240_000L, 360_000L, 300_000L], closedProject["ledger"]!.AsArray().Select(e => (long)e!["amountFen"]!).ToArray());
            Assert.Equal(900_000L, (long)closedProject["balances"]!["committedFen"]!);
            Assert.Equal(900_000L, (long)closedProject["balances"]!["paidFen"]!);
            Assert.Equal(0L, (long)closedProject["balances"]!["remainingFen"]!);
            Assert.Equal(3_000_000L, (long)closedProject["verifiedInvestmentFen"]!);
            var policy = await tf.GetAsync($"/api/v1/batches/{batchId}/funding-policy").Expect(HttpStatusCode.OK);
            Assert.Equal(900_000L, (long)policy["committedFen"]!);
            Assert.Equal(900_000L, (long)policy["paidFen"]!);
            Assert.Equal(9_100_000L, (long)policy["availableFen"]!);
            // The other three modules.
            Assert.Equal("Completed", (string?)(await tf.GetAsync($"/api/v1/challenges/{challengeId}").Expect(HttpStatusCode.OK))["status"]);
            Assert.Equal("Contracted", (string?)(await tf.GetAsync($"/api/v1/applications/{applicationId}").Expect(HttpStatusCode.OK))["status"]);
            var finalRound = await tf.GetAsync($"/api/v1/review/rounds/{roundId}").Expect(HttpStatusCode.OK);
            Assert.Equal("Final", (string?)finalRound["status"]);

            // The programme dashboard sees the same project.
            var dashboard = await (await Host.As(Cast.Auditor)).GetAsync($"/api/v1/programmes/{programmeId}/dashboard").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)dashboard["consortia"]!["formed"]!);
            Assert.Equal(1, (int)dashboard["consortia"]!["agreementsWithApplicantConsortium"]!);
            var batchFigures = dashboard["batches"]!.AsArray().Single()!;
            Assert.Equal(1, (int)batchFigures["awarded"]!);
            Assert.Equal(0, (int)batchFigures["unawarded"]!);
            Assert.Equal(10_000_000L, (long)batchFigures["budgetFen"]!);
            Assert.Equal(900_000L, (long)batchFigures["money"]!["paidFen"]!);
            var field = dashboard["fields"]!.AsArray().Single()!;
            Assert.Equal("MedicalDevices", (string?)field["field"]);
            Assert.Equal(900_000L, (long)field["money"]!["committedFen"]!);
            var waited = DateTimeOffset.Parse((string)signed["signedAt"]!) - DateTimeOffset.Parse((string)challenge["publishedAt"]!);
            Assert.Equal(Math.Round((decimal)waited.TotalDays, 1), (decimal)dashboard["timeToSigning"]!["days"]!);
            Assert.Equal(12_000_000L, (long)dashboard["procurement"]!["amountFen"]!);
            Assert.Equal(1, (int)dashboard["procurement"]!["contracts"]!);

            // The applicant's side followed the whole story on the change feed; another issuer saw none of its private part.
            var feed = await FollowFeedAsync(applicant);
            Assert.Contains(feed, e => (string?)e["type"] == "review.round_publicised" && (string?)e["resourceId"] == roundId);
            Assert.Contains(feed, e => (string?)e["type"] == "agreement.signed" && (string?)e["resourceId"] == (string?)signed["id"]);
            Assert.Equal(["Submitted", "Eligible", "UnderReview", "Recommended", "Matched", "Selected", "Contracted"],
                feed.Where(e => (string?)e["type"] == "application.status_changed" && (string?)e["resourceId"] == applicationId)
                    .Select(e => (string)e["data"]!["status"]!).ToArray());
            Assert.Contains(feed, e => (string?)e["type"] == "challenge.status_changed" && (string?)e["data"]!["status"] == "Completed");
            var other = await FollowFeedAsync(await Host.As(Cast.IssuerB));
            Assert.DoesNotContain(other, e => (string?)e["type"] is "agreement.signed" or "review.round_publicised" or "application.status_changed");
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    /// <summary>The whole feed the caller receives, followed to its end within <see cref="FeedFollower.Limit"/>.</summary>
    private static async Task<List<JsonNode>> FollowFeedAsync(HttpClient client) => (await FeedFollower.FollowAsync(client, limit: 200)).Items;
}

public sealed class FundingWholeFlowTestsOnSqlite(SqliteHost host) : FundingWholeFlowTests(host), IClassFixture<SqliteHost>;
public sealed class FundingWholeFlowTestsOnPostgres(PostgresHost host) : FundingWholeFlowTests(host), IClassFixture<PostgresHost>;
public sealed class FundingWholeFlowTestsOnSqlServer(SqlServerHost host) : FundingWholeFlowTests(host), IClassFixture<SqlServerHost>;
