using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Funding.Agreements;

public abstract partial class AgreementsTests
{
    [Fact]
    public async Task Adjustments_are_appended_to_the_ledger_within_paid_cap_and_budget()
    {
        var (batchId, selected) = await new FundingScenario(Host).SelectedAsync(1);
        var tf = await Host.As(Cast.TaskForce);
        // Budget 1,000,000, cap 1,200,000: 900,000 committed at signing leaves 100,000 in the batch.
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000L, capPerProjectFen: 1_200_000L))
            .Expect(HttpStatusCode.Created);
        var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId)).Expect(HttpStatusCode.Created);
        var id = (string)signed["id"]!;
        await new FundingScenario(Host).ConfirmedByIssuerAsync(id);
        var report = await tf.PostJson($"/api/v1/agreements/{id}/progress-reports",
            new { milestoneIndex = 0, issuerInvestmentFen = 500_000L, applicantInvestmentFen = 300_000L }).Expect(HttpStatusCode.Created);
        await tf.PostJson($"/api/v1/progress-reports/{report["id"]}/verify",
            new { verifiedIssuerFen = 500_000L, verifiedApplicantFen = 300_000L }).Expect(HttpStatusCode.OK);
        await tf.PostJson($"/api/v1/agreements/{id}/disbursements", new { milestoneIndex = 0, amountFen = 240_000L, reason = "首期" })
            .Expect(HttpStatusCode.OK);
        var adjust = $"/api/v1/agreements/{id}/adjustments";

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(adjust, new { amountFen = -660_001L, reason = "协议变更" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.adjustment_below_paid"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(adjust, new { amountFen = 300_001L, reason = "协议变更" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.adjustment_above_cap"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(adjust, new { amountFen = 100_001L, reason = "协议变更" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.budget_exhausted"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(adjust, new { amountFen = 0L, reason = "协议变更" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(adjust, new { amountFen = 1L, reason = " " })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, async () => await (await Host.As(Cast.IssuerA)).PostJson(adjust, new { amountFen = 1L, reason = "自行调整" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));

        var lowered = await tf.PostJson(adjust, new { amountFen = -300_000L, reason = "联合投入核减，协议变更" }).Expect(HttpStatusCode.OK);
        Assert.Equal(600_000L, (long)lowered["balances"]!["committedFen"]!);
        Assert.Equal(360_000L, (long)lowered["balances"]!["remainingFen"]!);
        Assert.Equal(900_000L, (long)lowered["commitmentFen"]!);
        // The decrease went back to the batch budget, so a later increase may take it again, but no more.
        var raised = await tf.PostJson(adjust, new { amountFen = 400_000L, reason = "补充协议追加投入" }).Expect(HttpStatusCode.OK);
        Assert.Equal(1_000_000L, (long)raised["balances"]!["committedFen"]!);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(adjust, new { amountFen = 1L, reason = "再追加" })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.budget_exhausted"));
        await tf.PostJson(adjust, new { amountFen = -100_000L, reason = "核减" }).Expect(HttpStatusCode.OK);
        var policy = await tf.GetAsync($"/api/v1/batches/{batchId}/funding-policy").Expect(HttpStatusCode.OK);
        Assert.Equal(900_000L, (long)policy["committedFen"]!);
        Assert.Equal(100_000L, (long)policy["availableFen"]!);
        var detail = await tf.GetAsync($"/api/v1/agreements/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(["Commit", "Disburse", "Adjust", "Adjust", "Adjust"], detail["ledger"]!.AsArray().Select(e => (string)e!["kind"]!).ToArray());
        Assert.Equal([900_000L, 240_000L, -300_000L, 400_000L, -100_000L], detail["ledger"]!.AsArray().Select(e => (long)e!["amountFen"]!).ToArray());
        Assert.Equal("联合投入核减，协议变更", (string?)detail["ledger"]![2]!["reason"]);
        var audit = await tf.GetAsync($"/api/v1/audit?entityId={id}").Expect(HttpStatusCode.OK);
        Assert.Equal(3, audit["items"]!.AsArray().Count(e => (string?)e!["action"] == "AdjustCommitment"));

        // The database itself refuses to rewrite history, whatever SQL reaches it.
        await DatabaseSnapshot.Unchanged(Host, async () =>
        {
            await using var connection = await Host.Db.OpenAsync();
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Dapper.SqlMapper.ExecuteAsync(connection,
                "UPDATE funding_ledger SET amount_fen = 0 WHERE agreement_id = @Id", new { Id = Guid.Parse(id) }));
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Dapper.SqlMapper.ExecuteAsync(connection,
                "DELETE FROM funding_ledger WHERE agreement_id = @Id", new { Id = Guid.Parse(id) }));
            return 0;
        });
    }
}
