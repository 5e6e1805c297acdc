using FastEndpoints;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Services;
using Jiebang.Applications.Views;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Writes;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Features.Applications.CreateApplication;

internal sealed class Endpoint(WritePath writes, DbConnectionFactory db, ISender sender, Parties parties, OrganisationStore organisations,
    TimeProvider clock) : Endpoint<Request, ApplicationDetail>
{
    public override void Configure()
    {
        Post("/api/v1/applications");
        Roles(Platform.Auth.Roles.Applicant, Platform.Auth.Roles.District);
        Description(b => b.Api("Applications_Create", "Applications",
                "起草揭榜申报书（单独或联合揭榜）；支持 Idempotency-Key / Draft an application, alone or as a consortium; honours Idempotency-Key",
                "The applying organisation (an applicant user's own, or the district portal's leadOrganisationId) must be listed in `members` as the Lead " +
                "when members are given; otherwise 400 application.lead_must_be_applicant (field error on members) and nothing is stored. " +
                "Every other member must confirm its participation (Applications_ConfirmParticipation) before the application can be submitted. " +
                "Before the window opens: 409 application.window_not_open; after the deadline: 409 application.window_closed.")
            .Body<Request>().Ok<ApplicationDetail>(201).ETag().Location().Problems(400, 401, 403, 404, 409, 422)
            .Codes(403, "district.out_of_scope").Codes(400, ConsortiumRules.LeadMustBeApplicant)
            .Codes(409, "application.window_closed", "application.window_not_open").Idempotent()
            .Example(new
            {
                challengeId = "0193a3c0-0000-7000-8000-000000000002",
                technicalApproach = "采用多模态力反馈闭环控制方案（示例）。",
                team = new[] { new { name = "李教授", title = "教授", role = "项目负责人" } },
                indicatorResponses = new[] { new { indicatorId = "0193a3c0-0000-7000-8000-000000000003", committedValue = "≤0.3", note = "优于需求" } },
                ownInvestmentFen = 300_000_000L,
                milestones = new[] { new { name = "样机", dueMonth = 12, deliverable = "样机一套" } },
                declarations = new { firstCooperation = true, noBadCreditRecord = true, ipProtection = true },
                members = new[]
                {
                    new { organisationId = "0193a3c0-0000-7000-8000-000000000004", role = "Lead", budgetShareBp = 7000 },
                    new { organisationId = "0193a3c0-0000-7000-8000-000000000005", role = "Member", budgetShareBp = 3000 },
                },
            }), clearDefaults: true);
    }

    private sealed record Prepared(ChallengeInfo Challenge, Party Lead, IReadOnlyList<Party> Parties, ApplicationContent Content);

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Idempotent("Applications_Create", req),
            token => PrepareAsync(req, caller, token),
            async (w, p) =>
            {
                if (ApplicationWindow.Refusal(p.Challenge, w.Now) is { } outside)
                {
                    throw Write.Refuse(outside);
                }
                var id = await ApplicationWriter.InsertAsync(w.Connection, w.Transaction, p.Challenge, p.Lead, p.Parties, p.Content,
                    caller.IsDistrict ? null : caller.UserId, caller.IsDistrict ? caller.DistrictCode : null, isDemo: false, w.Now);
                await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, "Create",
                    new { challenge = p.Challenge.Code, lead = p.Lead.Name, members = p.Parties.Count });
                var detail = await ApplicationStore.DetailAsync(w.Connection, (await ApplicationStore.LoadAsync(w.Connection, id, w.Transaction))!,
                    w.Transaction);
                return Write.Created(detail, $"/api/v1/applications/{id}", detail.Version);
            }, ct));
    }

    /// <summary>Reads and judges outside the write: the challenge, the lead and the consortium in the registry.</summary>
    private async Task<Prepared> PrepareAsync(Request req, Caller caller, CancellationToken ct)
    {
        var challenge = await sender.Send(new GetChallengeInfo(req.ChallengeId), ct) is { Status: ChallengeStatus.Published } info ? info : null;
        if (challenge is null)
        {
            throw Write.Refuse(Problems.NotFound("challenge"));
        }
        var leadId = caller.IsApplicant ? caller.OrganisationId : req.LeadOrganisationId;
        if (leadId is null || (caller.IsApplicant && req.LeadOrganisationId is { } asked && asked != caller.OrganisationId))
        {
            throw Write.Refuse(caller.IsApplicant
                ? Problems.Forbidden("申报单位用户只能以本单位作为牵头单位", "An applicant user can only apply with its own organisation as lead")
                : Problems.Validation("leadOrganisationId", "须指定牵头单位", "The lead organisation is required"));
        }
        var lead = await organisations.FindAsync(leadId.Value, ct);
        // A district key learns nothing of units outside its district, not even whether an id is registered: an unknown
        // lead and a lead elsewhere get the same answer.
        if (caller.IsDistrict && (lead is null || !caller.CoversRegion(lead.RegionCode)))
        {
            throw Write.Refuse(Problems.Of(StatusCodes.Status403Forbidden, "district.out_of_scope", "Outside the district",
                "该单位不在本区范围内 / The unit is outside this district's scope"));
        }
        if (lead is null)
        {
            throw Write.Refuse(Problems.Validation("leadOrganisationId", "牵头单位未在主体库登记", "The lead organisation is not registered"));
        }
        var known = challenge.Indicators.Select(i => i.Id).ToHashSet();
        if (req.IndicatorResponses.Any(r => !known.Contains(r.IndicatorId)))
        {
            throw Write.Refuse(Problems.Validation("indicatorResponses", "响应了不属于该需求的技术指标",
                "A response names an indicator the challenge does not have"));
        }
        if (ConsortiumRules.LeadRefusal(lead.Id, req) is { } notLead)
        {
            throw Write.Refuse(notLead);
        }
        if (ApplicationWindow.Refusal(challenge, clock.GetUtcNow()) is { } outside)
        {
            throw Write.Refuse(outside);
        }
        var content = ApplicationContent.CopyOf(req);
        var resolved = await parties.ResolveAsync(lead.Id, content, ct);
        var leadParty = resolved.FirstOrDefault(p => p.OrganisationId == lead.Id)
            ?? new Party(lead.Id, ConsortiumRole.Lead, 10_000, true, lead.Name, lead.CreditCode, lead.Type.ToString(), lead.RegionCode, true, "",
                null);
        await ApplicationWriter.EnsureCounterAsync(db, challenge.Id, ct);
        return new Prepared(challenge, leadParty, resolved, content);
    }
}
