using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Funding.Features.Agreements.AdjustCommitment;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, AgreementDetail>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/adjustments");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_Adjust", "Funding",
                "调整协议承诺资金（追加台账调整记录） / Correct the commitment with an Adjust ledger entry",
                "Appends a signed Adjust entry; nothing in the ledger is changed or removed. The new commitment must stay at or above what has been paid " +
                "(409 funding.adjustment_below_paid) and within the cap per project (409 funding.adjustment_above_cap); an increase must fit the batch " +
                "budget (409 funding.budget_exhausted). Not on a terminated or closed agreement.")
            .Body<Request>().Ok<AgreementDetail>().Problems(400, 401, 403, 404, 409)
            .Codes(409, "funding.adjustment_above_cap", "funding.adjustment_below_paid",
                "funding.budget_exhausted", "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            // Under the batch's policy lock, like signing: an increase and a concurrent signing cannot both take the last of the budget.
            var agreement = Write.Found(await AgreementStore.LockAsync(w, id), "agreement");
            Write.Require(AgreementLifecycle.Allows(agreement.Status, AgreementStep.AdjustCommitment), AgreementLifecycle.NotActive(agreement.Status));
            var policy = (await PolicyStore.GetAsync(w.Connection, agreement.BatchId, w.Transaction))!;
            var balance = await AgreementStore.BalanceAsync(w.Connection, id, w.Transaction);
            var batch = await AgreementStore.BatchBalanceAsync(w.Connection, agreement.BatchId, w.Transaction);
            var available = policy.TotalBudgetFen - batch.CommittedFen;
            var refusal = FundingArithmetic.Adjustment(balance.CommittedFen, balance.PaidFen, agreement.CapFen, available, req.AmountFen);
            Write.Require(refusal == AdjustmentRefusal.None, refusal switch
            {
                AdjustmentRefusal.BelowPaid => Problems.Conflict("funding.adjustment_below_paid",
                    $"调整后承诺额不能低于已拨付的 {balance.PaidFen} 分", $"The commitment cannot fall below the {balance.PaidFen} fen already paid"),
                AdjustmentRefusal.AboveCap => Problems.Conflict("funding.adjustment_above_cap",
                    $"调整后承诺额不能超过单个项目上限 {agreement.CapFen} 分", $"The commitment cannot exceed the cap per project of {agreement.CapFen} fen"),
                _ => Problems.Conflict("funding.budget_exhausted",
                    $"批次预算不足：需 {req.AmountFen} 分，可用 {available} 分",
                    $"The batch budget cannot cover this increase: {req.AmountFen} fen needed, {available} fen available"),
            });
            var reason = req.Reason.Trim();
            await AgreementStore.AppendAsync(w, agreement, LedgerKind.Adjust, req.AmountFen, null, reason);
            await w.AuditAsync(AgreementStore.Module, "Agreement", id, "AdjustCommitment", new
            {
                req.AmountFen, reason, committedBeforeFen = balance.CommittedFen, committedAfterFen = balance.CommittedFen + req.AmountFen,
                paidFen = balance.PaidFen,
            });
            return Write.Ok(await AgreementDetail.LoadAsync(w.Connection, agreement, w.Transaction));
        }, ct));
    }
}
