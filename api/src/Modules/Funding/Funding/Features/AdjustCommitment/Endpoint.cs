using FastEndpoints;
using FluentValidation;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.AdjustCommitment;

/// <summary>A correction of the agreement's commitment, booked as a new ledger entry (the ledger is never edited).</summary>
internal sealed class Request
{
    /// <summary>Signed amount in fen: positive takes more from the batch budget, negative hands some back.</summary>
    public long AmountFen { get; set; }
    /// <summary>Why the commitment is corrected (e.g. the agreement was amended).</summary>
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.AmountFen).NotEqual(0).WithMessage("调整金额不能为零 / The adjustment cannot be zero");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000).WithMessage("须说明调整理由 / The adjustment needs a reason");
    }
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, AgreementDetail>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/adjustments");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_Adjust", "Funding",
                "调整协议承诺资金（追加台账调整记录） / Correct the commitment with an Adjust ledger entry",
                "Appends a signed Adjust entry; nothing in the ledger is changed or removed. The new commitment must stay at or above what has been paid (409 funding.adjustment_below_paid) and within the cap per project (409 funding.adjustment_above_cap); an increase must fit the batch budget (409 funding.budget_exhausted). Not on a terminated or closed agreement.")
            .Body<Request>().Ok<AgreementDetail>().Problems(400, 401, 403, 404, 409).Codes(409, "funding.adjustment_above_cap", "funding.adjustment_below_paid", "funding.budget_exhausted", "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            // Under the batch's policy lock, like signing: an increase and a concurrent signing cannot both take the last of the budget.
            var agreement = await FundingStore.LockedAgreementAsync(connection, tx, db.Dialect, id);
            if (agreement is null)
            {
                await Send.ResultAsync(Problems.NotFound("agreement"));
                return;
            }
            if (agreement.Status is AgreementStatus.Terminated or AgreementStatus.Closed)
            {
                await Send.ResultAsync(SubmitProgressReport.Endpoint.NotActive(agreement.Status));
                return;
            }
            var policy = (await FundingStore.PolicyAsync(connection, agreement.BatchId, tx))!;
            var balance = await FundingStore.AgreementBalanceAsync(connection, id, tx);
            var batch = await FundingStore.BatchBalanceAsync(connection, agreement.BatchId, tx);
            var available = policy.TotalBudgetFen - batch.CommittedFen;
            var refusal = FundingArithmetic.Adjustment(balance.CommittedFen, balance.PaidFen, agreement.CapFen, available, req.AmountFen);
            if (refusal != AdjustmentRefusal.None)
            {
                await Send.ResultAsync(refusal switch
                {
                    AdjustmentRefusal.BelowPaid => Problems.Conflict("funding.adjustment_below_paid",
                        $"调整后承诺额不能低于已拨付的 {balance.PaidFen} 分", $"The commitment cannot fall below the {balance.PaidFen} fen already paid"),
                    AdjustmentRefusal.AboveCap => Problems.Conflict("funding.adjustment_above_cap",
                        $"调整后承诺额不能超过单个项目上限 {agreement.CapFen} 分", $"The commitment cannot exceed the cap per project of {agreement.CapFen} fen"),
                    _ => Problems.Conflict("funding.budget_exhausted",
                        $"批次预算不足：需 {req.AmountFen} 分，可用 {available} 分",
                        $"The batch budget cannot cover this increase: {req.AmountFen} fen needed, {available} fen available"),
                });
                return;
            }
            var now = clock.GetUtcNow();
            var reason = req.Reason.Trim();
            await FundingStore.AppendAsync(connection, tx, id, agreement.BatchId, LedgerKind.Adjust, req.AmountFen, null, reason, caller, now);
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "Agreement", id, "AdjustCommitment", new
            {
                req.AmountFen, reason, committedBeforeFen = balance.CommittedFen, committedAfterFen = balance.CommittedFen + req.AmountFen,
                paidFen = balance.PaidFen,
            });
            var detail = await FundingStore.DetailAsync(connection, agreement, tx);
            await tx.CommitAsync(ct);
            await Send.OkAsync(detail, ct);
        }
    }
}
