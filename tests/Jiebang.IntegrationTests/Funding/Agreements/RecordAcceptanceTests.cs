using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Funding.Agreements;

/// <summary>
/// The steps of a signed agreement (acceptance, closing, adjustment, termination), one file per use case; one class, so
/// they share one host and its databases per provider.
/// </summary>
public abstract partial class AgreementsTests(JiebangHost host) : HostTests(host)
{
    private async Task<(HttpClient Tf, string AgreementId, Guid ChallengeId, Guid BatchId, JsonArray Indicators)> SignedAsync()
    {
        var (batchId, selected) = await new FundingScenario(Host).SelectedAsync(1);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId)).Expect(HttpStatusCode.Created);
        await new FundingScenario(Host).ConfirmedByIssuerAsync((string)signed["id"]!);
        var challenge = await tf.GetAsync($"/api/v1/challenges/{selected[0].ChallengeId}").Expect(HttpStatusCode.OK);
        return (tf, (string)signed["id"]!, selected[0].ChallengeId, batchId, challenge["indicators"]!.AsArray());
    }

    private static async Task VerifiedReportAsync(HttpClient tf, string agreementId, int milestone, long issuerFen, long applicantFen)
    {
        var report = await tf.PostJson($"/api/v1/agreements/{agreementId}/progress-reports",
            new { milestoneIndex = milestone, issuerInvestmentFen = issuerFen, applicantInvestmentFen = applicantFen }).Expect(HttpStatusCode.Created);
        await tf.PostJson($"/api/v1/progress-reports/{report["id"]}/verify",
            new { verifiedIssuerFen = issuerFen, verifiedApplicantFen = applicantFen }).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Passing_acceptance_completes_the_project_and_the_final_tranche_can_still_be_paid()
    {
        var (tf, id, challengeId, batchId, indicators) = await SignedAsync();
        await VerifiedReportAsync(tf, id, 2, 1_000_000L, 2_000_000L);
        var url = $"/api/v1/agreements/{id}/acceptance";

        var problem = await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(url, new
        {
            passed = true, notes = "指标全部达到",
            results = new[] { new { indicatorId = (string)indicators[0]!["id"]!, achieved = "0.3", passed = true } },
        }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.NotNull(problem["errors"]!["results"]);
        problem = await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(url, new
        {
            passed = true, notes = "指标全部达到",
            results = indicators.Select((i, n) => new { indicatorId = (string)i!["id"]!, achieved = "0.6", passed = n == 0 }).ToArray(),
        }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.NotNull(problem["errors"]!["passed"]);

        var accepted = await tf.PostJson(url, new
        {
            passed = true, notes = "指标全部达到，同意通过验收",
            results = indicators.Select(i => new { indicatorId = (string)i!["id"]!, achieved = "0.3", passed = true }).ToArray(),
        }).Expect(HttpStatusCode.OK);
        Assert.Equal("Completed", (string?)accepted["agreementStatus"]);
        Assert.Equal(indicators.Count, accepted["results"]!.AsArray().Count);
        Assert.Equal("Completed", (string?)(await tf.GetAsync($"/api/v1/challenges/{challengeId}").Expect(HttpStatusCode.OK))["status"]);

        var paid = await tf.PostJson($"/api/v1/agreements/{id}/disbursements", new { milestoneIndex = 2, amountFen = 900_000L, reason = "验收后拨付" })
            .Expect(HttpStatusCode.OK);
        Assert.Equal(0L, (long)paid["balances"]!["remainingFen"]!);
        Assert.Equal(900_000L, (long)paid["balances"]!["paidFen"]!);
        var policy = await tf.GetAsync($"/api/v1/batches/{batchId}/funding-policy").Expect(HttpStatusCode.OK);
        Assert.Equal(900_000L, (long)policy["paidFen"]!);

        // 谁牵头谁采购: closing needs a procurement (or a waiver); only the issuer of the project records its own.
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/agreements/{id}/close", new { })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.procurement_missing"));
        var procurement = new { contractDate = "2029-03-01", amountFen = 12_000_000L, product = "精密减速器 200台" };
        await DatabaseSnapshot.Unchanged(Host, async () => await (await Host.As(Cast.IssuerB)).PostJson($"/api/v1/agreements/{id}/procurements", procurement)
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await (await Host.As(Cast.IssuerA)).PostJson($"/api/v1/agreements/{id}/procurements", procurement).Expect(HttpStatusCode.Created);
        var closed = await tf.PostJson($"/api/v1/agreements/{id}/close", new { }).Expect(HttpStatusCode.OK);
        Assert.Equal("Closed", (string?)closed["status"]);
        Assert.Equal(12_000_000L, (long)closed["procurements"]![0]!["amountFen"]!);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/agreements/{id}/disbursements",
                new { milestoneIndex = 2, amountFen = 1L, reason = "结项后" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.agreement_not_active"));

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(url, new
        {
            passed = false, notes = "再次验收",
            results = indicators.Select(i => new { indicatorId = (string)i!["id"]!, achieved = "0.3", passed = true }).ToArray(),
        }).ExpectProblem(HttpStatusCode.Conflict, "funding.agreement_not_active"));
    }

    [Fact]
    public async Task Failing_acceptance_terminates_the_project_and_releases_the_unpaid_commitment()
    {
        var (tf, id, challengeId, batchId, indicators) = await SignedAsync();
        await VerifiedReportAsync(tf, id, 0, 500_000L, 300_000L);
        await tf.PostJson($"/api/v1/agreements/{id}/disbursements", new { milestoneIndex = 0, amountFen = 240_000L, reason = "首期" })
            .Expect(HttpStatusCode.OK);

        var failed = await tf.PostJson($"/api/v1/agreements/{id}/acceptance", new
        {
            passed = false, notes = "定位精度未达标",
            results = indicators.Select((i, n) => new { indicatorId = (string)i!["id"]!, achieved = "0.8", passed = n != 0 }).ToArray(),
        }).Expect(HttpStatusCode.OK);
        Assert.Equal("Terminated", (string?)failed["agreementStatus"]);
        var detail = await tf.GetAsync($"/api/v1/agreements/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(["Commit", "Disburse", "Release"], detail["ledger"]!.AsArray().Select(e => (string)e!["kind"]!).ToArray());
        Assert.Equal(660_000L, (long)detail["ledger"]![2]!["amountFen"]!);
        Assert.Equal(240_000L, (long)detail["balances"]!["committedFen"]!);
        Assert.Equal(0L, (long)detail["balances"]!["remainingFen"]!);
        Assert.Equal("Terminated", (string?)(await tf.GetAsync($"/api/v1/challenges/{challengeId}").Expect(HttpStatusCode.OK))["status"]);
        var policy = await tf.GetAsync($"/api/v1/batches/{batchId}/funding-policy").Expect(HttpStatusCode.OK);
        Assert.Equal(240_000L, (long)policy["committedFen"]!);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/agreements/{id}/procurements",
                new { contractDate = "2029-03-01", amountFen = 1L, product = "样机" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.not_accepted"));
    }
}

public sealed class AgreementsTestsOnSqlite(SqliteHost host) : AgreementsTests(host), IClassFixture<SqliteHost>;
public sealed class AgreementsTestsOnPostgres(PostgresHost host) : AgreementsTests(host), IClassFixture<PostgresHost>;
public sealed class AgreementsTestsOnSqlServer(SqlServerHost host) : AgreementsTests(host), IClassFixture<SqlServerHost>;
