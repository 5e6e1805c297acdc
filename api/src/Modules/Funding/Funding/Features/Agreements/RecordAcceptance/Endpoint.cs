using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Mediator;

namespace Jiebang.Funding.Features.Agreements.RecordAcceptance;

internal sealed class Endpoint(WritePath writes, DbConnectionFactory db, ISender sender) : Endpoint<Request, Acceptance>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/acceptance");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_RecordAcceptance", "Funding",
                "登记项目验收结论 / Record the acceptance decision (验收)",
                "Needs a result for every indicator of the challenge, judged against the target the agreement's milestones set for it (the challenge's own " +
                "where they set none). Passing completes the agreement (later tranches may still be paid) and publishes ChallengeCompleted; failing " +
                "settles it as a termination by the rule (claw back beyond ratio × verified investment, release the unpaid commitment) and publishes " +
                "ChallengeTerminated.")
            .Body<Request>().Ok<Acceptance>().Problems(400, 401, 403, 404, 409).Codes(409, "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, PrepareAsync(id, req), async (w, indicators) =>
        {
            var step = req.Passed ? AgreementStep.PassAcceptance : AgreementStep.FailAcceptance;
            var agreement = Write.Found(await AgreementStore.LockAsync(w, id), "agreement");
            Write.Require(AgreementLifecycle.Allows(agreement.Status, step), AgreementLifecycle.NotActive(agreement.Status));
            var notes = req.Notes.Trim();
            await w.ExecuteAsync(Data.InsertAcceptance, new { AgreementId = id, req.Passed, Notes = notes, DecidedBy = w.Caller.Name, w.Now });
            var agreed = await AgreementStore.AgreedTargetsAsync(w.Connection, id, w.Transaction);
            var results = new List<AcceptanceResult>();
            foreach (var indicator in indicators.OrderBy(i => i.Ordinal))
            {
                var result = req.Results.Single(r => r.IndicatorId == indicator.Id);
                // The agreement's own target for the indicator, where its milestones set one; the challenge's otherwise.
                var target = agreed.GetValueOrDefault(indicator.Id, indicator.Target);
                var row = new AcceptanceResult(indicator.Id, indicator.Ordinal, indicator.Name, target, indicator.Unit, result.Achieved.Trim(),
                    result.Passed);
                results.Add(row);
                await w.ExecuteAsync(Data.InsertResult, new
                {
                    AgreementId = id, row.IndicatorId, row.Ordinal, row.Name, row.Target, row.Unit, row.Achieved, row.Passed,
                });
            }
            object settlementSummary = new { };
            if (!req.Passed)
            {
                var balance = await AgreementStore.BalanceAsync(w.Connection, id, w.Transaction);
                var verified = await ProgressStore.VerifiedInvestmentAsync(w.Connection, id, w.Transaction);
                var settlement = FundingArithmetic.Terminate(balance.CommittedFen, balance.PaidFen, agreement.RatioBp, verified);
                if (settlement.ClawBackFen > 0)
                {
                    await AgreementStore.AppendAsync(w, agreement, LedgerKind.ClawBack, settlement.ClawBackFen, null, "验收未通过 / Acceptance failed: " + notes);
                }
                if (settlement.ReleaseFen > 0)
                {
                    await AgreementStore.AppendAsync(w, agreement, LedgerKind.Release, settlement.ReleaseFen, null, "验收未通过 / Acceptance failed: " + notes);
                }
                settlementSummary = new { clawBackFen = settlement.ClawBackFen, releaseFen = settlement.ReleaseFen, verifiedInvestmentFen = verified };
            }
            AgreementLifecycle.TryMove(agreement.Status, step, out var to);
            await AgreementStore.MoveAsync(w, agreement, step);
            await w.AuditAsync(AgreementStore.Module, "Agreement", id, req.Passed ? "AcceptancePassed" : "AcceptanceFailed",
                new { notes, failedIndicators = results.Count(r => !r.Passed), settlement = settlementSummary });
            await w.PublishAsync(req.Passed
                ? new MarkChallengeCompleted(agreement.ChallengeId, id)
                : new MarkChallengeTerminated(agreement.ChallengeId, id, "验收未通过 / Acceptance failed: " + notes));
            return Write.Ok(new Acceptance(id, req.Passed, notes, results, w.Caller.Name, w.Now, to.ToString()));
        }, ct));
    }

    /// <summary>Asks the Challenges module for the challenge's indicators; every one needs exactly one result.</summary>
    private Func<CancellationToken, Task<IReadOnlyList<IndicatorInfo>>> PrepareAsync(Guid id, Request req) => async ct =>
    {
        AgreementRow agreement;
        await using (var read = await db.OpenAsync(ct))
        {
            agreement = Write.Found(await AgreementStore.GetAsync(read, id), "agreement");
        }
        var challenge = await sender.Send(new GetChallengeInfo(agreement.ChallengeId), ct);
        var indicators = challenge?.Indicators ?? [];
        var given = req.Results.Select(r => r.IndicatorId).ToList();
        Write.Require(given.Count == given.Distinct().Count() && indicators.Count == given.Count && indicators.All(i => given.Contains(i.Id)),
            Problems.Validation("results", "须对需求的每项技术指标各给出一个验收结果", "Give exactly one result for each indicator of the challenge"));
        return indicators;
    };
}
