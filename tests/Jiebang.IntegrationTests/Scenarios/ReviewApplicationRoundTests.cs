using System.Net;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;

namespace Jiebang.IntegrationTests.Scenarios;

public abstract class ReviewApplicationRoundTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Only_eligible_applications_enter_and_no_expert_tied_to_the_issuer_the_lead_or_a_consortium_member_is_assigned()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var (challenge, batch) = await Scenario.PublishedAsync(issuer: Cast.IssuerA);
        var applicant = await Host.As(Cast.Applicant);
        var application = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, members:
        [
            new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 7000 },
            new { organisationId = Host.Cast.MemberOrg, role = "Member", budgetShareBp = 3000 },
        ])).Expect(HttpStatusCode.Created);
        var applicationId = (string)application["id"]!;
        await Consortia.ConfirmAllAsync(Host, applicationId);
        await applicant.PostJson($"/api/v1/applications/{applicationId}/submit").Expect(HttpStatusCode.OK);

        var memberAffiliated = await review.ExpertAsync(affiliation: Host.Cast.MemberOrg);
        var leadDeclared = await review.ExpertAsync(conflicts: [Host.Cast.ApplicantOrg]);
        var issuerAffiliated = await review.ExpertAsync(affiliation: Host.Cast.IssuerAOrg);
        var clean1 = await review.ExpertAsync(affiliation: Host.Cast.IssuerBOrg);
        var clean2 = await review.ExpertAsync();

        var saved = Host.Clock.GetUtcNow();
        try
        {
            var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("ApplicationReview", saved, expertsPerItem: 3, maxLoad: 5))
                .Expect(HttpStatusCode.Created);
            var roundId = (string)round["id"]!;
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = applicationId })
                .ExpectProblem(HttpStatusCode.Conflict, "review.item_not_reviewable"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = Guid.NewGuid() })
                .ExpectProblem(HttpStatusCode.NotFound, "not_found"));

            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!).AddMinutes(1));
            await tf.PostJson($"/api/v1/batches/{batch["id"]}/eligibility-check").Expect(HttpStatusCode.OK);
            var added = await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = applicationId }).Expect(HttpStatusCode.OK);
            var item = added["items"]!.AsArray().Single()!;
            Assert.Equal("MedicalDevices", (string?)item["field"]);

            var first = await tf.PostJson($"/api/v1/review/rounds/{roundId}/assign").Expect(HttpStatusCode.OK);
            Assert.Empty(first["assigned"]!.AsArray());
            var shortItem = Assert.Single(first["short"]!.AsArray())!;
            Assert.Equal(5, (int)shortItem["inField"]!);
            Assert.Equal(3, (int)shortItem["conflicted"]!);
            Assert.Equal(2, (int)shortItem["available"]!);

            var clean3 = await review.ExpertAsync();
            var second = await tf.PostJson($"/api/v1/review/rounds/{roundId}/assign").Expect(HttpStatusCode.OK);
            Assert.Empty(second["short"]!.AsArray());
            Assert.Equal(new[] { clean1.Id, clean2.Id, clean3.Id }.Order(), ReviewScenario.Pairs(second).Select(p => p.Expert).Order());
            foreach (var conflicted in new[] { memberAffiliated, leadDeclared, issuerAffiliated })
            {
                var client = await Host.As(conflicted.UserName);
                Assert.Empty((await client.GetAsync("/api/v1/review/me/assignments").Expect(HttpStatusCode.OK)).AsArray());
            }
            var assigned = await Host.As(clean3.UserName);
            var mine = await assigned.GetAsync("/api/v1/review/me/assignments").Expect(HttpStatusCode.OK);
            Assert.Equal(applicationId, (string?)Assert.Single(mine.AsArray())!["subjectId"]);

            // By hand: never a conflicted expert, always a written reason, and departures from the automatic rules on record.
            var itemId = (string)item["id"]!;
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/assignments",
                new { itemId, expertId = memberAffiliated.Id, reason = "熟悉该领域" }).ExpectProblem(HttpStatusCode.Conflict, "review.expert_conflicted"));
            var biomedicine = await review.ExpertAsync(fields: ["Biomedicine"]);
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/assignments",
                new { itemId, expertId = biomedicine.Id, reason = "" }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/assignments",
                new { itemId, expertId = clean1.Id, reason = "再派一次" }).ExpectProblem(HttpStatusCode.Conflict, "review.already_assigned"));
            var forced = await tf.PostJson($"/api/v1/review/rounds/{roundId}/assignments",
                new { itemId, expertId = biomedicine.Id, reason = "交叉学科，需要生物医药视角" }).Expect(HttpStatusCode.Created);
            Assert.Equal(["FieldMismatch", "OverCount"], forced["departures"]!.AsArray().Select(d => (string)d!));
            var audit = await tf.GetAsync($"/api/v1/audit?entityId={roundId}&action=AssignByHand").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)audit["total"]!);

            // Scoring, close, decision, publication and final: the application is selected through the Applications contract.
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/open-scoring").Expect(HttpStatusCode.OK);
            Host.Clock.SetUtcNow(saved.AddDays(3));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/close").Expect(HttpStatusCode.OK);
            await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/decision",
                new { outcome = "Pass", reason = "论证通过" }).ExpectProblem(HttpStatusCode.Conflict, "review.matchmaking_missing"));
            await DatabaseSnapshot.Unchanged(Host, async () => await (await Host.As(Cast.IssuerB)).PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/matchmaking",
                new { matched = true, note = "非本企业" }).ExpectProblem(HttpStatusCode.NotFound, "not_found"));
            await (await Host.As(Cast.IssuerA)).PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/matchmaking",
                new { matched = true, note = "双方已就合作内容达成一致" }).Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/decision", new { outcome = "Pass", reason = "对接成功，论证通过" }).Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/decide").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/publicise").Expect(HttpStatusCode.OK);
            Host.Clock.SetUtcNow(saved.AddDays(9));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/finalise").Expect(HttpStatusCode.OK);
            var selected = await tf.GetAsync($"/api/v1/applications/{applicationId}").Expect(HttpStatusCode.OK);
            Assert.Equal("Selected", (string?)selected["status"]);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class ReviewApplicationRoundTestsOnSqlite(SqliteHost host) : ReviewApplicationRoundTests(host), IClassFixture<SqliteHost>;
public sealed class ReviewApplicationRoundTestsOnPostgres(PostgresHost host) : ReviewApplicationRoundTests(host), IClassFixture<PostgresHost>;
public sealed class ReviewApplicationRoundTestsOnSqlServer(SqlServerHost host) : ReviewApplicationRoundTests(host), IClassFixture<SqlServerHost>;
