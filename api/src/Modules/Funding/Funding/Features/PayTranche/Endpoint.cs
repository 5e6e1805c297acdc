using FastEndpoints;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.PayTranche;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, AgreementDetail>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/disbursements");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_Disburse", "Funding",
                "按里程碑拨付配套资金 / Pay a tranche at a verified milestone",
                "Pays at most min(cumulative tranche % × commitment, ratio × verified cumulative investment) − already paid; more is refused with 409 funding.payment_exceeds_limit. The milestone needs a verified progress report (409 funding.milestone_not_verified) and the issuer's confirmation of the agreement (409 funding.issuer_not_confirmed).")
            .Body<Request>().Ok<AgreementDetail>().Problems(400, 401, 403, 404, 409).Codes(409, "funding.issuer_not_confirmed", "funding.milestone_not_verified", "funding.payment_exceeds_limit", "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var agreement = await FundingStore.LockedAgreementAsync(connection, tx, db.Dialect, id);
            if (agreement is null)
            {
                await Send.ResultAsync(Problems.NotFound("agreement"));
                return;
            }
            // A passed acceptance still owes the final tranche; a terminated agreement pays nothing more.
            if (agreement.Status is AgreementStatus.Terminated or AgreementStatus.Closed)
            {
                await Send.ResultAsync(SubmitProgressReport.Endpoint.NotActive(agreement.Status));
                return;
            }
            if (!await ProgressStore.MilestoneVerifiedAsync(connection, id, req.MilestoneIndex, tx))
            {
                await Send.ResultAsync(Problems.Conflict("funding.milestone_not_verified",
                    "该里程碑尚无已核定的进展报告", "The milestone has no verified progress report"));
                return;
            }
            if (agreement.IssuerConfirmedAt is null)
            {
                await Send.ResultAsync(Problems.Conflict("funding.issuer_not_confirmed",
                    "发榜企业尚未确认协议，不能拨付", "The issuer has not confirmed the agreement yet; nothing can be paid"));
                return;
            }
            var balance = await FundingStore.AgreementBalanceAsync(connection, id, tx);
            var verified = await ProgressStore.VerifiedInvestmentAsync(connection, id, tx);
            var cumulative = FundingArithmetic.CumulativePercent(FundingStore.ReadPlan(agreement.Tranches), req.MilestoneIndex);
            var payable = FundingArithmetic.Payable(cumulative, balance.CommittedFen, agreement.RatioBp, verified, balance.PaidFen);
            if (req.AmountFen > payable)
            {
                await Send.ResultAsync(Problems.Conflict("funding.payment_exceeds_limit",
                    $"本次最多可拨付 {payable} 分", $"At most {payable} fen may be paid now"));
                return;
            }
            var now = clock.GetUtcNow();
            await FundingStore.AppendAsync(connection, tx, id, agreement.BatchId, LedgerKind.Disburse, req.AmountFen, req.MilestoneIndex,
                req.Reason.Trim(), caller, now);
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "Agreement", id, "Disburse", new
            {
                req.MilestoneIndex, req.AmountFen, payableFen = payable, cumulativePercent = cumulative, verifiedInvestmentFen = verified,
            });
            var detail = await FundingStore.DetailAsync(connection, agreement, tx);
            await tx.CommitAsync(ct);
            await Send.OkAsync(detail, ct);
        }
    }
}
