using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Data;
using Jiebang.Applications.Services;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Demo;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Time;
using Jiebang.Platform.Writes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiebang.Applications.Demo;

/// <summary>
/// Labelled demo applications on the DEMO-OPEN batch, so the formal check and everything after it can be tried:
/// a submitted consortium (university lead 60%, enterprise 40%), a submitted enterprise alone, a draft, and a
/// submitted consortium whose member, a social organisation, was listed for a bad credit record after it applied.
/// Every submitted one passed the eligibility rules when it was submitted, exactly as a real submission must.
/// </summary>
internal sealed class ApplicationsDemoSeeder(DbConnectionFactory db, WritePath writes, IServiceScopeFactory scopes, OrganisationStore organisations,
    TimeProvider clock, ILogger<ApplicationsDemoSeeder> logger) : IDemoSeeder
{
    public const string BatchCode = "DEMO-OPEN";
    public const string Label = "演示数据";

    /// <summary>A social organisation (5 民政, 1 社会团体) in 海淀区 with a valid check character; demo only.</summary>
    public static readonly string AssociationCode = DemoAccounts.Code("51110108MJ0000013");

    public int Order => 20;

    private sealed record Plan(ChallengeInfo Challenge, Guid Lead, ApplicationContent Content, bool Submit);

    private sealed record Ready(Plan Plan, Party Lead, IReadOnlyList<Party> Parties);

    public async Task SeedAsync(CancellationToken ct)
    {
        Guid? university, enterprise;
        await using (var reader = await db.OpenAsync(ct))
        {
            if (await reader.ExecuteScalarAsync<int>(Data.AnyDemo, new { IsDemo = true }) > 0)
            {
                return;
            }
            university = await reader.QuerySingleOrDefaultAsync<Guid?>(Data.OrganisationByCode, new { Code = DemoAccounts.ApplicantUniversity });
            enterprise = await reader.QuerySingleOrDefaultAsync<Guid?>(Data.OrganisationByCode, new { Code = DemoAccounts.ApplicantEnterprise });
        }
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var parties = scope.ServiceProvider.GetRequiredService<Parties>();
        var batch = await sender.Send(new GetBatchChallenges(BatchCode), ct);
        var challenges = new List<ChallengeInfo>();
        foreach (var id in batch?.PublishedChallengeIds ?? [])
        {
            if (await sender.Send(new GetChallengeInfo(id), ct) is { } info
                && ApplicationWindow.PhaseAt(info.OpensAt, info.ClosesAt, clock.GetUtcNow()) == ApplicationPhase.Open)
            {
                challenges.Add(info);
            }
        }
        ChallengeInfo? Titled(string part) => challenges.FirstOrDefault(c => c.Title.Contains(part, StringComparison.Ordinal));
        var (chip, vision, probe, reducer) = (Titled("驱动芯片"), Titled("视觉缺陷检测"), Titled("超声探头"), Titled("谐波减速器"));
        if (university is null || enterprise is null || chip is null || vision is null || probe is null || reducer is null)
        {
            // Applications can only honestly be submitted while the window is open, so an old demo database gets none.
            logger.LogInformation("Demo applications not seeded: batch {Batch} has {Count} challenges open for applications, or the demo applicants " +
                "are missing",
                BatchCode, challenges.Count);
            return;
        }
        var association = await RegisterAssociationAsync(ct);

        var plans = new[]
        {
            new Plan(chip, university.Value, Content(chip, 300, "宽禁带器件驱动与保护电路协同设计",
                (university.Value, ConsortiumRole.Lead, 6000, "驱动电路设计与可靠性验证"), (enterprise.Value, ConsortiumRole.Member, 4000, "流片、封装与车规认证")), Submit: true),
            new Plan(probe, enterprise.Value, Content(probe, 450, "单晶压电复合材料阵元与柔性电路一体化封装"), Submit: true),
            new Plan(vision, university.Value, Draft(vision), Submit: false),
            new Plan(reducer, enterprise.Value, Content(reducer, 600, "柔轮齿形修形与高疲劳寿命热处理工艺",
                (enterprise.Value, ConsortiumRole.Lead, 7000, "减速器设计与批量制造"), (association, ConsortiumRole.Member, 3000, "行业标准与检测组织")), Submit: true),
        };

        // Judge outside the write transaction (the registry and the Funding query open their own connections).
        var ready = new List<Ready>();
        foreach (var plan in plans)
        {
            var resolved = await parties.ResolveAsync(plan.Lead, plan.Content, ct);
            if (plan.Submit)
            {
                var missing = ContentRules.Missing(plan.Content, plan.Challenge.Indicators.Select(i => i.Id));
                var failed = Eligibility.Evaluate(new EligibilityInput(ApplicationPhase.Open, plan.Challenge.IssuerOrganisationId, resolved,
                        plan.Content.Declarations, await parties.PriorAgreementsAsync(plan.Challenge.IssuerOrganisationId, resolved, ct)))
                    .Where(r => !r.Passed).Select(r => r.Code).Concat(missing.Keys).ToList();
                if (failed.Count > 0)
                {
                    throw new InvalidOperationException($"Demo application to {plan.Challenge.Code} would not pass submission: {string.Join(", ", failed)}");
                }
            }
            ready.Add(new Ready(plan, resolved.Single(p => p.OrganisationId == plan.Lead), resolved));
            await ApplicationWriter.EnsureCounterAsync(db, plan.Challenge.Id, ct);
        }

        var actor = Caller.SystemFor("DemoData");
        await writes.ExecuteAsync(actor, async w =>
        {
            var submitted = new List<ApplicationSubmitted>();
            foreach (var (plan, lead, resolved) in ready)
            {
                var id = await ApplicationWriter.InsertAsync(w.Connection, w.Transaction, plan.Challenge, lead, resolved, plan.Content, null, null,
                    isDemo: true, w.Now);
                await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, "Create",
                    new { challenge = plan.Challenge.Code, lead = lead.Name, members = resolved.Count, demo = true });
                if (!plan.Submit)
                {
                    continue;
                }
                var row = (await ApplicationStore.LoadAsync(w.Connection, id, w.Transaction))!;
                await w.ExecuteAsync(ApplicationStore.InsertVersion, new
                {
                    Id = Guid.CreateVersion7(), ApplicationId = id, VersionNo = 1, Content = ApplicationStore.Snapshot(plan.Content, row.Members),
                    w.Now, SubmittedBy = actor.Name,
                });
                if (await w.ExecuteAsync(ApplicationStore.MarkSubmitted, new { Id = id, VersionNo = 1, w.Now, row.Version }) != 1)
                {
                    throw new InvalidOperationException($"Demo application {row.Code} changed while it was seeded.");
                }
                await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, "Submit",
                    new { from = nameof(ApplicationStatus.Draft), to = nameof(ApplicationStatus.Submitted), version = 1 });
                submitted.Add(new ApplicationSubmitted(id, row.ChallengeId, row.BatchId, row.LeadOrganisationId, 1));
            }

            // After it applied, the association was listed for a bad credit record: the formal check after the deadline finds it.
            const string source = "演示数据：提交申报后被列入严重失信主体名单 / demo data: listed for a bad credit record after applying";
            await organisations.RecordCreditStandingAsync(w.Connection, w.Transaction, association, CreditStanding.BadRecord, source,
                Shanghai.Today(clock));
            await w.AuditAsync("Platform", "Organisation", association, "RecordCreditStanding",
                new { standing = CreditStanding.BadRecord.ToString(), source });
            await w.PublishAsync([.. submitted]);
            return submitted.Count;
        }, ct);
    }

    private Task<Guid> RegisterAssociationAsync(CancellationToken ct) =>
        writes.ExecuteAsync(Caller.SystemFor("DemoData"), async w =>
        {
            var row = await organisations.EnsureAsync(w.Connection, w.Transaction, AssociationCode, $"演示产业技术协会（{Label}）",
                OrganisationTypes.SocialOrganisation, isDemo: true, note: "统一社会信用代码为演示值 / demo credit code");
            return row.Id;
        }, ct);

    private static ApplicationContent Content(ChallengeInfo challenge, long investmentWan, string approach,
        params (Guid Organisation, ConsortiumRole Role, int ShareBp, string Responsibility)[] members) => new()
    {
        Members = members.Select(m => new MemberInput
        {
            OrganisationId = m.Organisation, Role = m.Role, BudgetShareBp = m.ShareBp, Responsibility = $"{m.Responsibility}（{Label}）",
        }).ToList(),
        TechnicalApproach = $"（{Label}）针对“{challenge.Title}”，拟采用{approach}的技术路线，分样机研制、测试验证、小批量试用三个阶段实施。",
        Team =
        [
            new TeamMember { Name = $"王明（{Label}）", Title = "教授级高级工程师", Role = "项目负责人", OrganisationId = members.Length > 0 ? members[0].Organisation : null },
            new TeamMember { Name = $"李华（{Label}）", Title = "高级工程师", Role = "技术骨干" },
        ],
        IndicatorResponses = challenge.Indicators.Select(i => new IndicatorResponse
        {
            IndicatorId = i.Id, CommittedValue = i.Target + (i.Unit is null ? "" : " " + i.Unit), Note = $"承诺达到需求指标（{Label}）",
        }).ToList(),
        OwnInvestmentFen = investmentWan * 1_000_000,
        Milestones =
        [
            new Milestone { Name = "样机研制", DueMonth = 12, Deliverable = $"工程样机一套（{Label}）" },
            new Milestone { Name = "验收测试", DueMonth = 24, Deliverable = $"第三方检测报告（{Label}）" },
        ],
        Declarations = new Declarations { FirstCooperation = true, NoBadCreditRecord = true, IpProtection = true },
    };

    /// <summary>Half written, as drafts are: no milestones and no declarations yet.</summary>
    private static ApplicationContent Draft(ChallengeInfo challenge)
    {
        var content = Content(challenge, 200, "基于深度学习的小样本缺陷检测");
        content.Milestones = [];
        content.Declarations = new Declarations();
        content.IndicatorResponses = content.IndicatorResponses.Take(1).ToList();
        return content;
    }
}
