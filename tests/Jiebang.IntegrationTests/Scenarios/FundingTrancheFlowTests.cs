using System.Net;
using Jiebang.IntegrationTests.Funding;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Scenarios;

public abstract class FundingTrancheFlowTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Tranches_pay_at_most_the_verified_share_and_termination_claws_back_and_releases_on_the_ledger()
    {
        var (batchId, selected) = await new FundingScenario(Host).SelectedAsync(1, withApplicantUser: true);
        var app = selected[0];
        var tf = await Host.As(Cast.TaskForce);
        var issuer = await Host.As(Cast.IssuerA);
        var applicant = await Host.As(Cast.Applicant);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        // 30% of 3,000,000 fen = 900,000 committed; plan 40/30/30 at milestones 0, 1, 2.
        var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(app.ApplicationId)).Expect(HttpStatusCode.Created);
        var id = (string)signed["id"]!;
        var pay = $"/api/v1/agreements/{id}/disbursements";

        // Milestone 0: 1,000,000 claimed, 800,000 verified → min(40% × 900,000, 30% × 800,000) = 240,000.
        var first = await issuer.PostJson($"/api/v1/agreements/{id}/progress-reports",
            new { milestoneIndex = 0, issuerInvestmentFen = 600_000L, applicantInvestmentFen = 400_000L, note = "启动阶段投入" }).Expect(HttpStatusCode.Created);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(pay, new { milestoneIndex = 0, amountFen = 1L, reason = "首期" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.milestone_not_verified"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/progress-reports/{first["id"]}/verify",
                new { verifiedIssuerFen = 600_001L, verifiedApplicantFen = 0L })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var verified = await tf.PostJson($"/api/v1/progress-reports/{first["id"]}/verify",
            new { verifiedIssuerFen = 500_000L, verifiedApplicantFen = 300_000L, note = "部分票据不符" }).Expect(HttpStatusCode.OK);
        Assert.Equal("Verified", (string?)verified["status"]);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/progress-reports/{first["id"]}/return", new { note = "重复" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.report_already_decided"));

        // Both record the agreement: nothing is paid before the issuer countersigns it, and only its own issuer can.
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(pay, new { milestoneIndex = 0, amountFen = 1L, reason = "首期" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.issuer_not_confirmed"));
        await DatabaseSnapshot.Unchanged(Host, async () => await (await Host.As(Cast.IssuerB)).PostJson($"/api/v1/agreements/{id}/issuer-confirmation")
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/agreements/{id}/issuer-confirmation")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        var confirmed = await issuer.PostJson($"/api/v1/agreements/{id}/issuer-confirmation").Expect(HttpStatusCode.OK);
        Assert.Equal(Cast.IssuerA, (string?)confirmed["issuerConfirmedBy"]);
        Assert.NotNull(confirmed["issuerConfirmedAt"]);
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson($"/api/v1/agreements/{id}/issuer-confirmation")
            .ExpectProblem(HttpStatusCode.Conflict, "funding.already_confirmed"));

        var problem = await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(pay, new { milestoneIndex = 0, amountFen = 240_001L, reason = "首期" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.payment_exceeds_limit"));
        Assert.Contains("240000", (string?)problem["detail"], StringComparison.Ordinal);
        var paid = await tf.PostJson(pay, new { milestoneIndex = 0, amountFen = 240_000L, reason = "首期拨付" }).Expect(HttpStatusCode.OK);
        Assert.Equal(240_000L, (long)paid["balances"]!["paidFen"]!);
        Assert.Equal(660_000L, (long)paid["balances"]!["remainingFen"]!);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(pay, new { milestoneIndex = 0, amountFen = 1L, reason = "再付" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.payment_exceeds_limit"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(pay, new { milestoneIndex = 1, amountFen = 1L, reason = "二期" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.milestone_not_verified"));

        // Milestone 1: a report sent back counts for nothing; the corrected one verifies 1,200,000 more.
        var returned = await applicant.PostJson($"/api/v1/agreements/{id}/progress-reports",
            new { milestoneIndex = 1, issuerInvestmentFen = 500_000L, applicantInvestmentFen = 500_000L }).Expect(HttpStatusCode.Created);
        await tf.PostJson($"/api/v1/progress-reports/{returned["id"]}/return", new { note = "缺少审计报告" }).Expect(HttpStatusCode.OK);
        var second = await applicant.PostJson($"/api/v1/agreements/{id}/progress-reports",
            new { milestoneIndex = 1, issuerInvestmentFen = 600_000L, applicantInvestmentFen = 600_000L }).Expect(HttpStatusCode.Created);
        await tf.PostJson($"/api/v1/progress-reports/{second["id"]}/verify",
            new { verifiedIssuerFen = 600_000L, verifiedApplicantFen = 600_000L }).Expect(HttpStatusCode.OK);
        // min(70% × 900,000 = 630,000, 30% × 2,000,000 = 600,000) − 240,000 = 360,000.
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(pay, new { milestoneIndex = 1, amountFen = 360_001L, reason = "二期" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.payment_exceeds_limit"));
        await tf.PostJson(pay, new { milestoneIndex = 1, amountFen = 360_000L, reason = "二期拨付" }).Expect(HttpStatusCode.OK);

        // Terminated with 100,000 of misused funds recovered: the unpaid 300,000 goes back to the budget.
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/agreements/{id}/terminate", new { reason = "挪用资金", clawBackFen = 600_001L })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var terminated = await tf.PostJson($"/api/v1/agreements/{id}/terminate", new { reason = "挪用资金", clawBackFen = 100_000L })
            .Expect(HttpStatusCode.OK);
        Assert.Equal("Terminated", (string?)terminated["status"]);
        Assert.Equal(500_000L, (long)terminated["balances"]!["committedFen"]!);
        Assert.Equal(500_000L, (long)terminated["balances"]!["paidFen"]!);
        Assert.Equal(0L, (long)terminated["balances"]!["remainingFen"]!);
        Assert.Equal(["Commit", "Disburse", "Disburse", "ClawBack", "Release"],
            terminated["ledger"]!.AsArray().Select(e => (string)e!["kind"]!).ToArray());
        Assert.Equal(2_000_000L, (long)terminated["verifiedInvestmentFen"]!);
        Assert.Equal(3, terminated["progressReports"]!.AsArray().Count);

        var policy = await tf.GetAsync($"/api/v1/batches/{batchId}/funding-policy").Expect(HttpStatusCode.OK);
        Assert.Equal(500_000L, (long)policy["committedFen"]!);
        Assert.Equal(500_000L, (long)policy["paidFen"]!);
        Assert.Equal(999_500_000L, (long)policy["availableFen"]!);
        var challenge = await tf.GetAsync($"/api/v1/challenges/{app.ChallengeId}").Expect(HttpStatusCode.OK);
        Assert.Equal("Terminated", (string?)challenge["status"]);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(pay, new { milestoneIndex = 1, amountFen = 1L, reason = "终止后" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.agreement_not_active"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/agreements/{id}/terminate", new { reason = "再次" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.agreement_not_active"));
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson($"/api/v1/agreements/{id}/progress-reports",
                new { milestoneIndex = 2, issuerInvestmentFen = 1L, applicantInvestmentFen = 0L })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.agreement_not_active"));
        await DatabaseSnapshot.Unchanged(Host, async () => await (await Host.As(Cast.IssuerB)).PostJson($"/api/v1/agreements/{id}/progress-reports",
                new { milestoneIndex = 2, issuerInvestmentFen = 1L, applicantInvestmentFen = 0L })
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
    }
}

public sealed class FundingTrancheFlowTestsOnSqlite(SqliteHost host) : FundingTrancheFlowTests(host), IClassFixture<SqliteHost>;
public sealed class FundingTrancheFlowTestsOnPostgres(PostgresHost host) : FundingTrancheFlowTests(host), IClassFixture<PostgresHost>;
public sealed class FundingTrancheFlowTestsOnSqlServer(SqlServerHost host) : FundingTrancheFlowTests(host), IClassFixture<SqlServerHost>;
