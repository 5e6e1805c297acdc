using Dapper;
using FastEndpoints;
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

namespace Jiebang.Funding.Features.RecordAcceptance;

internal sealed class Endpoint(DbConnectionFactory db, ISender sender, Outbox outbox, AuditWriter audit, TimeProvider clock)
    : Endpoint<Request, Acceptance>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/acceptance");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_RecordAcceptance", "Funding",
                "登记项目验收结论 / Record the acceptance decision (验收)",
                "Needs a result for every indicator of the challenge, judged against the target the agreement's milestones set for it (the challenge's own where they set none). Passing completes the agreement (later tranches may still be paid) and publishes MarkChallengeCompleted; failing settles it as a termination by the rule (claw back beyond ratio × verified investment, release the unpaid commitment) and publishes MarkChallengeTerminated.")
            .Body<Request>().Ok<Acceptance>().Problems(400, 401, 403, 404, 409).Codes(409, "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        AgreementRow? agreement;
        await using (var read = await db.OpenAsync(ct))
        {
            agreement = await FundingStore.AgreementAsync(read, id);
        }
        if (agreement is null)
        {
            await Send.ResultAsync(Problems.NotFound("agreement"));
            return;
        }
        var challenge = await sender.Send(new GetChallengeInfo(agreement.ChallengeId), ct);
        var indicators = challenge?.Indicators ?? [];
        var given = req.Results.Select(r => r.IndicatorId).ToList();
        if (given.Count != given.Distinct().Count() || indicators.Count != given.Count || indicators.Any(i => !given.Contains(i.Id)))
        {
            await Send.ResultAsync(Problems.Validation("results",
                "须对需求的每项技术指标各给出一个验收结果", "Give exactly one result for each indicator of the challenge"));
            return;
        }
        var now = clock.GetUtcNow();
        var notes = req.Notes.Trim();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            agreement = (await FundingStore.LockedAgreementAsync(connection, tx, db.Dialect, id))!;
            if (agreement.Status != AgreementStatus.Active)
            {
                await Send.ResultAsync(SubmitProgressReport.Endpoint.NotActive(agreement.Status));
                return;
            }
            await connection.ExecuteAsync(Data.InsertAcceptance, new { AgreementId = id, req.Passed, Notes = notes, DecidedBy = caller.Name, Now = now }, tx);
            var agreed = await FundingStore.AgreedTargetsAsync(connection, id, tx);
            var results = new List<AcceptanceResult>();
            foreach (var indicator in indicators.OrderBy(i => i.Ordinal))
            {
                var result = req.Results.Single(r => r.IndicatorId == indicator.Id);
                // The agreement's own target for the indicator, where its milestones set one; the challenge's otherwise.
                var target = agreed.GetValueOrDefault(indicator.Id, indicator.Target);
                var row = new AcceptanceResult(indicator.Id, indicator.Ordinal, indicator.Name, target, indicator.Unit, result.Achieved.Trim(), result.Passed);
                results.Add(row);
                await connection.ExecuteAsync(Data.InsertResult, new
                {
                    AgreementId = id, row.IndicatorId, row.Ordinal, row.Name, row.Target, row.Unit, row.Achieved, row.Passed,
                }, tx);
            }
            object settlementSummary = new { };
            if (!req.Passed)
            {
                var balance = await FundingStore.AgreementBalanceAsync(connection, id, tx);
                var verified = await ProgressStore.VerifiedInvestmentAsync(connection, id, tx);
                var settlement = FundingArithmetic.Terminate(balance.CommittedFen, balance.PaidFen, agreement.RatioBp, verified);
                if (settlement.ClawBackFen > 0)
                {
                    await FundingStore.AppendAsync(connection, tx, id, agreement.BatchId, LedgerKind.ClawBack, settlement.ClawBackFen, null,
                        "验收未通过 / Acceptance failed: " + notes, caller, now);
                }
                if (settlement.ReleaseFen > 0)
                {
                    await FundingStore.AppendAsync(connection, tx, id, agreement.BatchId, LedgerKind.Release, settlement.ReleaseFen, null,
                        "验收未通过 / Acceptance failed: " + notes, caller, now);
                }
                settlementSummary = new { clawBackFen = settlement.ClawBackFen, releaseFen = settlement.ReleaseFen, verifiedInvestmentFen = verified };
            }
            var to = req.Passed ? AgreementStatus.Completed : AgreementStatus.Terminated;
            await connection.ExecuteAsync(Data.Close, new { Id = id, To = to.ToString(), Now = now, Active = nameof(AgreementStatus.Active) }, tx);
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "Agreement", id, req.Passed ? "AcceptancePassed" : "AcceptanceFailed",
                new { notes, failedIndicators = results.Count(r => !r.Passed), settlement = settlementSummary });
            var sent = await outbox.EnqueueAsync(connection, tx, req.Passed
                ? new MarkChallengeCompleted(agreement.ChallengeId, id)
                : new MarkChallengeTerminated(agreement.ChallengeId, id, "验收未通过 / Acceptance failed: " + notes));
            await tx.CommitAsync(ct);
            await outbox.DispatchAsync(sent, ct);
            await Send.OkAsync(new Acceptance(id, req.Passed, notes, results, caller.Name, now, to.ToString()), ct);
        }
    }
}
