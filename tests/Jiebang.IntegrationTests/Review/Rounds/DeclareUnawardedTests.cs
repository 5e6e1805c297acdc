using System.Net;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Review.Contracts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Review.Rounds;

public abstract class DeclareUnawardedTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task A_challenge_whose_window_closed_without_one_eligible_application_is_declared_unawarded_and_one_with_applications_is_not()
    {
        var tf = await Host.As(Cast.TaskForce);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var (empty, batch) = await Scenario.PublishedAsync(issuer: Cast.IssuerB);
            var (applied, _) = await Scenario.PublishedAsync(issuer: Cast.IssuerA);
            var applicant = await Host.As(Cast.Applicant);
            var application = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(applied)).Expect(HttpStatusCode.Created);
            await applicant.PostJson($"/api/v1/applications/{application["id"]}/submit").Expect(HttpStatusCode.OK);
            var emptyUrl = $"/api/v1/review/challenges/{empty["id"]}/unawarded";
            var appliedUrl = $"/api/v1/review/challenges/{applied["id"]}/unawarded";

            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(emptyUrl, new { reason = "无人揭榜" })
                .ExpectProblem(HttpStatusCode.Conflict, "review.challenge_not_closed"));
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!, System.Globalization.CultureInfo.InvariantCulture).AddDays(1));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(emptyUrl, new { reason = "" }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/challenges/{Guid.NewGuid()}/unawarded", new { reason = "无人揭榜" })
                .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(appliedUrl, new { reason = "无人揭榜" })
                .ExpectProblem(HttpStatusCode.Conflict, "review.formal_check_pending"));

            var declared = await tf.PostJson(emptyUrl, new { reason = "申报期内无单位申报" }).Expect(HttpStatusCode.OK);
            Assert.Equal("Unawarded", (string?)declared["status"]);
            Assert.Equal("Unawarded", (string?)(await tf.GetAsync($"/api/v1/challenges/{empty["id"]}").Expect(HttpStatusCode.OK))["status"]);
            var audit = await tf.GetAsync($"/api/v1/audit?entityId={empty["id"]}&action=DeclareUnawarded").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)audit["total"]!);
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(emptyUrl, new { reason = "再次" })
                .ExpectProblem(HttpStatusCode.Conflict, "review.challenge_not_closed"));

            foreach (var batchId in new[] { (string)batch["id"]!, (string)applied["batchId"]! }.Distinct())
            {
                await tf.PostJson($"/api/v1/batches/{batchId}/eligibility-check").Expect(HttpStatusCode.OK);
            }
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(appliedUrl, new { reason = "无人揭榜" })
                .ExpectProblem(HttpStatusCode.Conflict, "review.challenge_has_eligible_applications"));
            Assert.Equal("Published", (string?)(await tf.GetAsync($"/api/v1/challenges/{applied["id"]}").Expect(HttpStatusCode.OK))["status"]);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class DeclareUnawardedTestsOnSqlite(SqliteHost host) : DeclareUnawardedTests(host), IClassFixture<SqliteHost>;
public sealed class DeclareUnawardedTestsOnPostgres(PostgresHost host) : DeclareUnawardedTests(host), IClassFixture<PostgresHost>;
public sealed class DeclareUnawardedTestsOnSqlServer(SqlServerHost host) : DeclareUnawardedTests(host), IClassFixture<SqlServerHost>;
