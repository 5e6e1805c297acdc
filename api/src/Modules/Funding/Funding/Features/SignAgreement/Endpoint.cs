using Jiebang.Platform.Feed;
using Dapper;
using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Contracts;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Idempotency;
using Jiebang.Platform.Messaging;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Funding.Features.SignAgreement;

internal sealed class Endpoint(IdempotentWrite write, DbConnectionFactory db, ISender sender, Outbox outbox, AuditWriter audit, FeedWriter feed, TimeProvider clock)
    : Endpoint<Request, AgreementDetail>
{
    public override void Configure()
    {
        Post("/api/v1/agreements");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_Sign", "Funding",
                "登记已签署的合作研发协议并从批次预算中锁定配套资金；支持 Idempotency-Key / Record a signed agreement and reserve its co-funding from the batch budget; honours Idempotency-Key",
                "Commitment = min(ratio × (issuer's + applicants' committed investment), cap), half up to the fen, reserved in the same transaction under the batch budget's row lock. Refused with 409 funding.budget_exhausted when the budget cannot cover it, and nothing is stored.")
            .Body<Request>().Ok<AgreementDetail>(201).ETag().Location().Problems(400, 401, 403, 404, 409, 422).Codes(409, "funding.agreement_exists", "funding.application_not_selected", "funding.budget_exhausted", "funding.challenge_not_awardable", "funding.no_policy", "funding.not_first_cooperation").Idempotent()
            .Example(new
            {
                applicationId = "0193a3c0-0000-7000-8000-000000000006",
                issuerInvestmentFen = 1_000_000L,
                applicantInvestmentFen = 2_000_000L,
                startsOn = "2027-01-01",
                endsOn = "2028-12-31",
                milestones = new object[]
                {
                    new { name = "签约启动", dueOn = "2027-01-01", trancheIndex = 0, deliverables = new[] { "研发方案" }, indicatorTargets = Array.Empty<object>() },
                    new { name = "中期检查", dueOn = "2027-12-31", trancheIndex = 1, deliverables = new[] { "样机" }, indicatorTargets = Array.Empty<object>() },
                    new
                    {
                        name = "验收", dueOn = "2028-12-31", trancheIndex = 2, deliverables = new[] { "验收测试报告" },
                        indicatorTargets = new[] { new { indicatorId = "0193a3c0-0000-7000-8000-000000000003", target = "≤0.3" } },
                    },
                },
            }), clearDefaults: true);
    }

    private sealed record Prepared(ApplicationSummary Application, ApplicationParties Parties, ChallengeInfo Challenge);

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        var result = await write.RunAsync(HttpContext, caller, "Agreements_Sign", req,
            PrepareAsync(req),
            async (connection, tx, p) =>
            {
                var now = clock.GetUtcNow();
                var batchId = p.Challenge.BatchId;
                // Every signing in the batch queues here (SQL Server UPDLOCK, PostgreSQL FOR UPDATE, SQLite's IMMEDIATE
                // transaction), so the budget read below cannot be overtaken by another signing before this one commits.
                var policy = await FundingStore.LockPolicyAsync(connection, tx, db.Dialect, batchId);
                if (policy is null)
                {
                    return WriteOutcome.Refuse(NoPolicy());
                }
                var plan = policy.Plan();
                if (MilestoneErrors(req, plan) is { } errors)
                {
                    return WriteOutcome.Refuse(Problems.Validation(errors));
                }
                if (await connection.ExecuteScalarAsync<long>(Data.Existing, new { req.ApplicationId, ChallengeId = p.Challenge.Id }, tx) > 0)
                {
                    return WriteOutcome.Refuse(Problems.Conflict("funding.agreement_exists",
                        "该申报书或技术需求已登记协议", "An agreement is already recorded for this application or challenge"));
                }
                var partners = (await connection.QueryAsync<Guid>(Data.PriorPartners,
                    new { IssuerId = p.Challenge.IssuerOrganisationId, IssuerRole = nameof(PartyRole.Issuer) }, tx)).ToHashSet();
                var applicants = new[] { p.Parties.LeadOrganisationId }.Concat(p.Parties.MemberOrganisationIds).Distinct().ToList();
                if (applicants.Any(partners.Contains))
                {
                    return WriteOutcome.Refuse(NotFirstCooperation());
                }
                var commitment = FundingArithmetic.Commitment(policy.RatioBp, req.IssuerInvestmentFen, req.ApplicantInvestmentFen, policy.CapPerProjectFen);
                var balance = await FundingStore.BatchBalanceAsync(connection, batchId, tx);
                var available = policy.TotalBudgetFen - balance.CommittedFen;
                if (commitment > available)
                {
                    return WriteOutcome.Refuse(Problems.Conflict("funding.budget_exhausted",
                        $"批次预算不足：需 {commitment} 分，可用 {available} 分",
                        $"The batch budget cannot cover this commitment: {commitment} fen needed, {available} fen available"));
                }
                var id = Guid.CreateVersion7();
                await connection.ExecuteAsync(Data.InsertAgreement, new
                {
                    Id = id, Code = "XY-" + p.Application.Code, req.ApplicationId, ChallengeId = p.Challenge.Id, BatchId = batchId,
                    p.Challenge.IssuerOrganisationId, p.Parties.LeadOrganisationId, req.IssuerInvestmentFen, req.ApplicantInvestmentFen,
                    policy.RatioBp, CapFen = policy.CapPerProjectFen, CommitmentFen = commitment, Tranches = FundingStore.WritePlan(plan),
                    StartsOn = FundingStore.FormatDay(req.StartsOn), EndsOn = FundingStore.FormatDay(req.EndsOn),
                    Status = nameof(AgreementStatus.Active), Now = now, SignedBy = caller.Name,
                }, tx);
                var parties = new List<(Guid Org, PartyRole Role)> { (p.Challenge.IssuerOrganisationId, PartyRole.Issuer), (p.Parties.LeadOrganisationId, PartyRole.Lead) };
                parties.AddRange(p.Parties.MemberOrganisationIds.Where(m => m != p.Parties.LeadOrganisationId).Distinct().Select(m => (m, PartyRole.Member)));
                foreach (var (org, role) in parties)
                {
                    await connection.ExecuteAsync(Data.InsertParty, new
                    {
                        AgreementId = id, OrganisationId = org, Role = role.ToString(), p.Challenge.IssuerOrganisationId,
                    }, tx);
                }
                for (var i = 0; i < req.Milestones.Count; i++)
                {
                    var m = req.Milestones[i];
                    await connection.ExecuteAsync(Data.InsertMilestone, new
                    {
                        AgreementId = id, Ordinal = i, Name = m.Name.Trim(), DueOn = FundingStore.FormatDay(m.DueOn), m.TrancheIndex,
                        Deliverables = FundingStore.WriteList(m.Deliverables.Select(d => d.Trim())),
                        IndicatorTargets = FundingStore.WriteList(m.IndicatorTargets.Select(t => new IndicatorTarget { IndicatorId = t.IndicatorId, Target = t.Target.Trim() })),
                    }, tx);
                }
                try
                {
                    foreach (var organisation in applicants)
                    {
                        await connection.ExecuteAsync(Data.InsertCooperation, new
                        {
                            p.Challenge.IssuerOrganisationId, OrganisationId = organisation, AgreementId = id,
                        }, tx);
                    }
                }
                catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
                {
                    // Another batch's signing between the same organisations committed first (it held a different policy row).
                    return WriteOutcome.Refuse(NotFirstCooperation());
                }
                await FundingStore.AppendAsync(connection, tx, id, batchId, LedgerKind.Commit, commitment, null,
                    "签约承诺配套资金 / Co-funding committed at signing", caller, now);
                await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "Agreement", id, "Sign", new
                {
                    application = req.ApplicationId, challenge = p.Challenge.Id, commitmentFen = commitment,
                    req.IssuerInvestmentFen, req.ApplicantInvestmentFen, policy.RatioBp, capFen = policy.CapPerProjectFen,
                });
                var detail = await FundingStore.DetailAsync(connection, (await FundingStore.AgreementAsync(connection, id, tx))!, tx);
                await feed.AppendAsync(connection, tx, new FeedEvent(FeedTypes.AgreementSigned, "agreement", id,
                    // As GET /api/v1/agreements/{id}: the issuer and applicant users of the parties, no district key.
                    FeedAudience.Of(parties.Select(x => x.Org), Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant),
                    new Dictionary<string, string>
                    {
                        ["code"] = detail.Code, ["applicationId"] = req.ApplicationId.ToString(), ["challengeId"] = p.Challenge.Id.ToString(),
                        ["commitmentFen"] = commitment.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    }));
                var sent = await outbox.EnqueueAsync(connection, tx,
                    new MarkApplicationContracted(req.ApplicationId, id),
                    new MarkChallengeAwarded(p.Challenge.Id, id),
                    new AgreementSigned(id, req.ApplicationId, p.Challenge.Id, batchId, p.Challenge.IssuerOrganisationId, commitment, now));
                return WriteOutcome.Done(StatusCodes.Status201Created, detail, detail.Version, $"/api/v1/agreements/{id}",
                    afterCommit: token => outbox.DispatchAsync(sent, token));
            }, ct);
        await Send.ResultAsync(result);
    }

    /// <summary>Everything that asks other modules, before the write transaction opens.</summary>
    private Func<CancellationToken, Task<(IResult?, Prepared)>> PrepareAsync(Request req) => async ct =>
    {
        static (IResult?, Prepared) Refuse(IResult problem) => (problem, null!);
        var application = await sender.Send(new GetApplicationSummary(req.ApplicationId), ct);
        if (application is null)
        {
            return Refuse(Problems.NotFound("application"));
        }
        if (application.Status != ApplicationStatus.Selected)
        {
            return Refuse(Problems.Conflict("funding.application_not_selected",
                $"只有论证通过（已选定）的申报书才能签约，当前状态为 {application.Status}",
                $"Only a selected application can be contracted; this one is {application.Status}"));
        }
        var parties = await sender.Send(new GetApplicationParties(req.ApplicationId), ct);
        var challenge = await sender.Send(new GetChallengeInfo(application.ChallengeId), ct);
        if (parties is null || challenge is null)
        {
            return Refuse(Problems.NotFound("application"));
        }
        if (challenge.Status != ChallengeStatus.Published)
        {
            return Refuse(Problems.Conflict("funding.challenge_not_awardable",
                $"技术需求当前状态为 {challenge.Status}，不能再签约", $"The challenge is {challenge.Status} and cannot be awarded"));
        }
        await using var connection = await db.OpenAsync(ct);
        var policy = await FundingStore.PolicyAsync(connection, challenge.BatchId);
        if (policy is null)
        {
            return Refuse(NoPolicy());
        }
        if (MilestoneErrors(req, policy.Plan()) is { } errors)
        {
            return Refuse(Problems.Validation(errors));
        }
        var indicators = challenge.Indicators.Select(i => i.Id).ToHashSet();
        var unknown = req.Milestones.SelectMany((m, i) => m.IndicatorTargets.Select((t, j) => (i, j, t.IndicatorId)))
            .Where(x => !indicators.Contains(x.IndicatorId))
            .ToDictionary(x => $"milestones[{x.i}].indicatorTargets[{x.j}].indicatorId",
                _ => new[] { "不是该技术需求的指标 / Not an indicator of the challenge" });
        if (unknown.Count > 0)
        {
            return Refuse(Problems.Validation(unknown));
        }
        return (null, new Prepared(application, parties, challenge));
    };

    private static IResult NotFirstCooperation() => Problems.Conflict("funding.not_first_cooperation",
        "揭榜方与发榜企业已有研发协议，不属于首次实质研发合作",
        "An applicant already has an agreement with the issuer; this is not their first substantive cooperation");

    private static IResult NoPolicy() => Problems.Conflict("funding.no_policy",
        "该批次尚未设定资金配套政策", "The batch has no funding policy yet");

    /// <summary>Each milestone names the tranche the plan ties to its position, and no other.</summary>
    private static Dictionary<string, string[]>? MilestoneErrors(Request req, IReadOnlyList<Tranche> plan)
    {
        var errors = new Dictionary<string, string[]>();
        var needed = plan.Count == 0 ? 0 : plan.Max(t => t.MilestoneIndex) + 1;
        if (req.Milestones.Count < needed)
        {
            errors["milestones"] = [$"分期计划需要至少 {needed} 个里程碑 / The tranche plan needs at least {needed} milestones"];
        }
        for (var i = 0; i < req.Milestones.Count; i++)
        {
            var expected = plan.Select((t, index) => (t, index)).Where(x => x.t.MilestoneIndex == i).Select(x => (int?)x.index).FirstOrDefault();
            if (req.Milestones[i].TrancheIndex != expected)
            {
                errors[$"milestones[{i}].trancheIndex"] = [expected is null
                    ? "分期计划未在此里程碑安排拨付 / The tranche plan releases no tranche at this milestone"
                    : $"分期计划在此里程碑拨付第 {expected} 期 / The tranche plan releases tranche {expected} at this milestone"];
            }
        }
        return errors.Count == 0 ? null : errors;
    }
}
