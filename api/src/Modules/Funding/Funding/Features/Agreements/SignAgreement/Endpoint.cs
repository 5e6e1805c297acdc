using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Contracts;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Funding.Features.Agreements.SignAgreement;

internal sealed class Endpoint(WritePath writes, DbConnectionFactory db, ISender sender) : Endpoint<Request, AgreementDetail>
{
    public override void Configure()
    {
        Post("/api/v1/agreements");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_Sign", "Funding",
                "登记已签署的合作研发协议并从批次预算中锁定配套资金；支持 Idempotency-Key / Record a signed agreement and reserve its co-funding from the batch budget; honours " +
                "Idempotency-Key",
                "Commitment = min(ratio × (issuer's + applicants' committed investment), cap), half up to the fen, reserved in the same transaction under " +
                "the batch budget's row lock. Refused with 409 funding.budget_exhausted when the budget cannot cover it, and nothing is stored.")
            .Body<Request>().Ok<AgreementDetail>(201).ETag().Location().Problems(400, 401, 403, 404, 409, 422)
            .Codes(409, "funding.agreement_exists", "funding.application_not_selected", "funding.budget_exhausted",
                "funding.challenge_not_awardable", "funding.no_policy", "funding.not_first_cooperation").Idempotent()
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
        var options = WriteOptions.Idempotent("Agreements_Sign", req) with { OnUniqueViolation = NotFirstCooperation() };
        await Send.ResultAsync(await writes.RunAsync(HttpContext, options, PrepareAsync(req), async (w, p) =>
        {
            var batchId = p.Challenge.BatchId;
            // Every signing in the batch queues here (SQL Server UPDLOCK, PostgreSQL FOR UPDATE, SQLite's IMMEDIATE
            // transaction), so the budget read below cannot be overtaken by another signing before this one commits.
            var policy = await PolicyStore.LockAsync(w.Connection, w.Transaction, w.Dialect, batchId) ?? throw Write.Refuse(NoPolicy());
            var plan = policy.Plan();
            if (MilestoneErrors(req, plan) is { } errors)
            {
                throw Write.Refuse(Problems.Validation(errors));
            }
            Write.Require(await w.ExecuteScalarAsync<long>(Data.Existing, new { req.ApplicationId, ChallengeId = p.Challenge.Id }) == 0,
                Problems.Conflict("funding.agreement_exists",
                    "该申报书或技术需求已登记协议", "An agreement is already recorded for this application or challenge"));
            var partners = await AgreementStore.PriorPartnersAsync(w.Connection, p.Challenge.IssuerOrganisationId, w.Transaction);
            var applicants = new[] { p.Parties.LeadOrganisationId }.Concat(p.Parties.MemberOrganisationIds).Distinct().ToList();
            Write.Require(!applicants.Any(partners.Contains), NotFirstCooperation());
            var commitment = FundingArithmetic.Commitment(policy.RatioBp, req.IssuerInvestmentFen, req.ApplicantInvestmentFen, policy.CapPerProjectFen);
            var balance = await AgreementStore.BatchBalanceAsync(w.Connection, batchId, w.Transaction);
            var available = policy.TotalBudgetFen - balance.CommittedFen;
            Write.Require(commitment <= available, Problems.Conflict("funding.budget_exhausted",
                $"批次预算不足：需 {commitment} 分，可用 {available} 分",
                $"The batch budget cannot cover this commitment: {commitment} fen needed, {available} fen available"));
            var id = Guid.CreateVersion7();
            await w.ExecuteAsync(Data.InsertAgreement, new
            {
                Id = id, Code = "XY-" + p.Application.Code, req.ApplicationId, ChallengeId = p.Challenge.Id, BatchId = batchId,
                p.Challenge.IssuerOrganisationId, p.Parties.LeadOrganisationId, req.IssuerInvestmentFen, req.ApplicantInvestmentFen,
                policy.RatioBp, CapFen = policy.CapPerProjectFen, CommitmentFen = commitment, Tranches = AgreementStore.WritePlan(plan),
                StartsOn = AgreementStore.FormatDay(req.StartsOn), EndsOn = AgreementStore.FormatDay(req.EndsOn),
                Status = nameof(AgreementStatus.Active), w.Now, SignedBy = w.Caller.Name,
            });
            var parties = new List<(Guid Org, PartyRole Role)>
            {
                (p.Challenge.IssuerOrganisationId, PartyRole.Issuer), (p.Parties.LeadOrganisationId, PartyRole.Lead),
            };
            parties.AddRange(p.Parties.MemberOrganisationIds.Where(m => m != p.Parties.LeadOrganisationId).Distinct().Select(m => (m, PartyRole.Member)));
            foreach (var (org, role) in parties)
            {
                await w.ExecuteAsync(Data.InsertParty, new
                {
                    AgreementId = id, OrganisationId = org, Role = role.ToString(), p.Challenge.IssuerOrganisationId,
                });
            }
            for (var i = 0; i < req.Milestones.Count; i++)
            {
                var m = req.Milestones[i];
                await w.ExecuteAsync(Data.InsertMilestone, new
                {
                    AgreementId = id, Ordinal = i, Name = m.Name.Trim(), DueOn = AgreementStore.FormatDay(m.DueOn), m.TrancheIndex,
                    Deliverables = AgreementStore.WriteList(m.Deliverables.Select(d => d.Trim())),
                    IndicatorTargets = AgreementStore.WriteList(m.IndicatorTargets.Select(t => new IndicatorTarget
                    {
                        IndicatorId = t.IndicatorId, Target = t.Target.Trim(),
                    })),
                });
            }
            // The primary key of the pair refuses a concurrent signing between the same organisations in another batch (it
            // held a different policy row): OnUniqueViolation answers funding.not_first_cooperation.
            foreach (var organisation in applicants)
            {
                await w.ExecuteAsync(Data.InsertCooperation, new
                {
                    p.Challenge.IssuerOrganisationId, OrganisationId = organisation, AgreementId = id,
                });
            }
            await AgreementStore.AppendAsync(w.Connection, w.Transaction, id, batchId, LedgerKind.Commit, commitment, null,
                "签约承诺配套资金 / Co-funding committed at signing", w.Caller, w.Now);
            await w.AuditAsync(AgreementStore.Module, "Agreement", id, "Sign", new
            {
                application = req.ApplicationId, challenge = p.Challenge.Id, commitmentFen = commitment,
                req.IssuerInvestmentFen, req.ApplicantInvestmentFen, policy.RatioBp, capFen = policy.CapPerProjectFen,
            });
            var detail = await AgreementDetail.ReloadAsync(w, id);
            await w.FeedAsync(new FeedEvent(FeedTypes.AgreementSigned, "agreement", id,
                // As GET /api/v1/agreements/{id}: the issuer and applicant users of the parties, no district key.
                FeedAudience.Of(parties.Select(x => x.Org), Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant),
                new Dictionary<string, string>
                {
                    ["code"] = detail.Code, ["applicationId"] = req.ApplicationId.ToString(), ["challengeId"] = p.Challenge.Id.ToString(),
                    ["commitmentFen"] = commitment.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }));
            await w.PublishAsync(
                new MarkApplicationContracted(req.ApplicationId, id),
                new MarkChallengeAwarded(p.Challenge.Id, id),
                new AgreementSigned(id, req.ApplicationId, p.Challenge.Id, batchId, p.Challenge.IssuerOrganisationId, commitment, w.Now));
            return Write.Created(detail, $"/api/v1/agreements/{id}", detail.Version);
        }, ct));
    }

    /// <summary>Everything that asks other modules, before the write transaction opens.</summary>
    private Func<CancellationToken, Task<Prepared>> PrepareAsync(Request req) => async ct =>
    {
        var application = await sender.Send(new GetApplicationSummary(req.ApplicationId), ct) ?? throw Write.Refuse(Problems.NotFound("application"));
        Write.Require(application.Status == ApplicationStatus.Selected, Problems.Conflict("funding.application_not_selected",
            $"只有论证通过（已选定）的申报书才能签约，该申报书当前为“{ApplicationStatusNames.Chinese(application.Status)}”",
            $"Only a selected application can be contracted; this one is {ApplicationStatusNames.English(application.Status)}"));
        var parties = await sender.Send(new GetApplicationParties(req.ApplicationId), ct);
        var challenge = await sender.Send(new GetChallengeInfo(application.ChallengeId), ct);
        if (parties is null || challenge is null)
        {
            throw Write.Refuse(Problems.NotFound("application"));
        }
        Write.Require(challenge.Status == ChallengeStatus.Published, Problems.Conflict("funding.challenge_not_awardable",
            $"技术需求当前为“{ChallengeStatusNames.Chinese(challenge.Status)}”，不能再签约",
                $"The challenge is {ChallengeStatusNames.English(challenge.Status)} and cannot be awarded"));
        await using var connection = await db.OpenAsync(ct);
        var policy = await PolicyStore.GetAsync(connection, challenge.BatchId) ?? throw Write.Refuse(NoPolicy());
        if (MilestoneErrors(req, policy.Plan()) is { } errors)
        {
            throw Write.Refuse(Problems.Validation(errors));
        }
        var indicators = challenge.Indicators.Select(i => i.Id).ToHashSet();
        var unknown = req.Milestones.SelectMany((m, i) => m.IndicatorTargets.Select((t, j) => (i, j, t.IndicatorId)))
            .Where(x => !indicators.Contains(x.IndicatorId))
            .ToDictionary(x => $"milestones[{x.i}].indicatorTargets[{x.j}].indicatorId",
                _ => new[] { "不是该技术需求的指标 / Not an indicator of the challenge" });
        Write.Require(unknown.Count == 0, Problems.Validation(unknown));
        return new Prepared(application, parties, challenge);
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
