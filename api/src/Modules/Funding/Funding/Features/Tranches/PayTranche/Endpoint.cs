using FastEndpoints;
using Jiebang.Funding.Contracts;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Funding.Features.Tranches.PayTranche;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, AgreementDetail>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/disbursements");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_Disburse", "Funding",
                "按里程碑拨付配套资金 / Pay a tranche at a verified milestone",
                "Pays at most min(cumulative tranche % × commitment, ratio × verified cumulative investment) − already paid; more is refused with 409 " +
                "funding.payment_exceeds_limit. The milestone needs a verified progress report (409 funding.milestone_not_verified) and the issuer's " +
                "confirmation of the agreement (409 funding.issuer_not_confirmed).")
            .Body<Request>().Ok<AgreementDetail>().Problems(400, 401, 403, 404, 409)
            .Codes(409, "funding.issuer_not_confirmed", "funding.milestone_not_verified",
                "funding.payment_exceeds_limit", "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var agreement = Write.Found(await AgreementStore.LockAsync(w, id), "agreement");
            Write.Require(AgreementLifecycle.Allows(agreement.Status, AgreementStep.PayTranche), AgreementLifecycle.NotActive(agreement.Status));
            Write.Require(await ProgressStore.MilestoneVerifiedAsync(w, id, req.MilestoneIndex), Problems.Conflict("funding.milestone_not_verified",
                "该里程碑尚无已核定的进展报告", "The milestone has no verified progress report"));
            Write.Require(agreement.IssuerConfirmedAt is not null, Problems.Conflict("funding.issuer_not_confirmed",
                "发榜企业尚未确认协议，不能拨付", "The issuer has not confirmed the agreement yet; nothing can be paid"));
            var balance = await AgreementStore.BalanceAsync(w.Connection, id, w.Transaction);
            var verified = await ProgressStore.VerifiedInvestmentAsync(w.Connection, id, w.Transaction);
            var cumulative = FundingArithmetic.CumulativePercent(AgreementStore.ReadPlan(agreement.Tranches), req.MilestoneIndex);
            var payable = FundingArithmetic.Payable(cumulative, balance.CommittedFen, agreement.RatioBp, verified, balance.PaidFen);
            Write.Require(req.AmountFen <= payable, Problems.Conflict("funding.payment_exceeds_limit",
                $"本次最多可拨付 {payable} 分", $"At most {payable} fen may be paid now"));
            var entry = await AgreementStore.AppendAsync(w, agreement, LedgerKind.Disburse, req.AmountFen, req.MilestoneIndex, req.Reason.Trim());
            await w.AuditAsync(AgreementStore.Module, "Agreement", id, "Disburse", new
            {
                req.MilestoneIndex, req.AmountFen, payableFen = payable, cumulativePercent = cumulative, verifiedInvestmentFen = verified,
            });
            await w.PublishAsync(new TranchePaid(id, req.MilestoneIndex, entry, req.AmountFen, w.Now));
            return Write.Ok(await AgreementDetail.LoadAsync(w.Connection, agreement, w.Transaction));
        }, ct));
    }
}
