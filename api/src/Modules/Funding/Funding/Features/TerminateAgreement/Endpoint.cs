using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Mediator;

namespace Jiebang.Funding.Features.TerminateAgreement;

/// <summary>Ending a project early.</summary>
internal sealed class Request
{
    public string Reason { get; set; } = "";
    /// <summary>
    /// Optional: recover more than the rule requires (for example misused funds), at most what was paid. The rule's
    /// amount — paid beyond ratio × verified investment — is always recovered.
    /// </summary>
    public long? ClawBackFen { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000).WithMessage("终止须说明理由 / Termination needs a reason");
        RuleFor(x => x.ClawBackFen).GreaterThanOrEqualTo(0);
    }
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, Outbox outbox) : Endpoint<Request, AgreementDetail>
{
    private const string MarkTerminated = """
        UPDATE funding_agreement SET status = @Terminated, updated_at = @Now, version = version + 1 WHERE id = @Id AND status = @Active
        """;

    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/terminate");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_Terminate", "Funding",
                "终止项目：追回超付资金并将未拨付承诺退回批次预算 / Terminate: claw back overpayment and release the unpaid commitment",
                "Claws back what was paid beyond ratio × verified investment (or more, up to what was paid, when clawBackFen says so) and releases the unpaid commitment to the batch budget, as ledger entries; publishes MarkChallengeTerminated.")
            .Body<Request>().Ok<AgreementDetail>().Problems(400, 401, 403, 404, 409).Codes(409, "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        AgreementDetail detail;
        OutboxEntries sent;
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
            if (agreement.Status != AgreementStatus.Active)
            {
                await Send.ResultAsync(SubmitProgressReport.Endpoint.NotActive(agreement.Status));
                return;
            }
            var balance = await FundingStore.AgreementBalanceAsync(connection, id, tx);
            var verified = await ProgressStore.VerifiedInvestmentAsync(connection, id, tx);
            var settlement = FundingArithmetic.Terminate(balance.CommittedFen, balance.PaidFen, agreement.RatioBp, verified);
            var clawBack = settlement.ClawBackFen;
            if (req.ClawBackFen is { } asked)
            {
                if (asked < settlement.ClawBackFen || asked > balance.PaidFen)
                {
                    await Send.ResultAsync(Problems.Validation("clawBackFen",
                        $"追回金额须在 {settlement.ClawBackFen} 至 {balance.PaidFen} 分之间",
                        $"The claw-back must be between {settlement.ClawBackFen} and {balance.PaidFen} fen"));
                    return;
                }
                clawBack = asked;
            }
            var now = clock.GetUtcNow();
            var reason = req.Reason.Trim();
            if (clawBack > 0)
            {
                await FundingStore.AppendAsync(connection, tx, id, agreement.BatchId, LedgerKind.ClawBack, clawBack, null, reason, caller, now);
            }
            if (settlement.ReleaseFen > 0)
            {
                await FundingStore.AppendAsync(connection, tx, id, agreement.BatchId, LedgerKind.Release, settlement.ReleaseFen, null, reason, caller, now);
            }
            await connection.ExecuteAsync(MarkTerminated, new
            {
                Id = id, Now = now, Terminated = nameof(AgreementStatus.Terminated), Active = nameof(AgreementStatus.Active),
            }, tx);
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "Agreement", id, "Terminate", new
            {
                reason, clawBackFen = clawBack, releaseFen = settlement.ReleaseFen, ruleClawBackFen = settlement.ClawBackFen,
                verifiedInvestmentFen = verified,
            });
            detail = await FundingStore.DetailAsync(connection, (await FundingStore.AgreementAsync(connection, id, tx))!, tx);
            sent = await outbox.EnqueueAsync(connection, tx, new MarkChallengeTerminated(agreement.ChallengeId, id, reason));
            await tx.CommitAsync(ct);
        }
        await outbox.DispatchAsync(sent, ct);
        await Send.OkAsync(detail, ct);
    }
}
