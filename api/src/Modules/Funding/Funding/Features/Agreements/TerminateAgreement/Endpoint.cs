using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Funding.Features.Agreements.TerminateAgreement;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, AgreementDetail>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/terminate");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_Terminate", "Funding",
                "终止项目：追回超付资金并将未拨付承诺退回批次预算 / Terminate: claw back overpayment and release the unpaid commitment",
                "Claws back what was paid beyond ratio × verified investment (or more, up to what was paid, when clawBackFen says so) and releases the " +
                "unpaid commitment to the batch budget, as ledger entries; publishes ChallengeTerminated.")
            .Body<Request>().Ok<AgreementDetail>().Problems(400, 401, 403, 404, 409).Codes(409, "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var agreement = Write.Found(await AgreementStore.LockAsync(w, id), "agreement");
            Write.Require(AgreementLifecycle.Allows(agreement.Status, AgreementStep.Terminate), AgreementLifecycle.NotActive(agreement.Status));
            var balance = await AgreementStore.BalanceAsync(w.Connection, id, w.Transaction);
            var verified = await ProgressStore.VerifiedInvestmentAsync(w.Connection, id, w.Transaction);
            var settlement = FundingArithmetic.Terminate(balance.CommittedFen, balance.PaidFen, agreement.RatioBp, verified);
            var clawBack = settlement.ClawBackFen;
            if (req.ClawBackFen is { } asked)
            {
                Write.Require(asked >= settlement.ClawBackFen && asked <= balance.PaidFen, Problems.Validation("clawBackFen",
                    $"追回金额须在 {settlement.ClawBackFen} 至 {balance.PaidFen} 分之间",
                    $"The claw-back must be between {settlement.ClawBackFen} and {balance.PaidFen} fen"));
                clawBack = asked;
            }
            var reason = req.Reason.Trim();
            if (clawBack > 0)
            {
                await AgreementStore.AppendAsync(w, agreement, LedgerKind.ClawBack, clawBack, null, reason);
            }
            if (settlement.ReleaseFen > 0)
            {
                await AgreementStore.AppendAsync(w, agreement, LedgerKind.Release, settlement.ReleaseFen, null, reason);
            }
            await AgreementStore.MoveAsync(w, agreement, AgreementStep.Terminate);
            await w.AuditAsync(AgreementStore.Module, "Agreement", id, "Terminate", new
            {
                reason, clawBackFen = clawBack, releaseFen = settlement.ReleaseFen, ruleClawBackFen = settlement.ClawBackFen,
                verifiedInvestmentFen = verified,
            });
            var detail = await AgreementDetail.ReloadAsync(w, id);
            await w.PublishAsync(new MarkChallengeTerminated(agreement.ChallengeId, id, reason));
            return Write.Ok(detail);
        }, ct));
    }
}
