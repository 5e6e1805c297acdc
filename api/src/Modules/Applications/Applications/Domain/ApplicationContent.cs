using FluentValidation;

namespace Jiebang.Applications.Domain;

internal enum ConsortiumRole
{
    /// <summary>牵头单位</summary>
    Lead,
    /// <summary>联合单位</summary>
    Member,
}

/// <summary>An organisation in the application: the lead, or a consortium member (联合揭榜) with its share of the budget.</summary>
internal sealed class MemberInput
{
    public Guid OrganisationId { get; set; }
    public ConsortiumRole Role { get; set; }
    /// <summary>Share of the applicants' budget in basis points (10000 = 100%).</summary>
    public int BudgetShareBp { get; set; }
    /// <summary>What this organisation does in the project.</summary>
    public string? Responsibility { get; set; }
}

internal sealed class TeamMember
{
    public string Name { get; set; } = "";
    /// <summary>职称, e.g. 教授, 高级工程师.</summary>
    public string Title { get; set; } = "";
    /// <summary>Role in the project, e.g. 项目负责人.</summary>
    public string Role { get; set; } = "";
    public Guid? OrganisationId { get; set; }
}

/// <summary>The value the applicants commit to for one technical indicator of the challenge.</summary>
internal sealed class IndicatorResponse
{
    public Guid IndicatorId { get; set; }
    public string CommittedValue { get; set; } = "";
    public string? Note { get; set; }
}

internal sealed class Milestone
{
    public string Name { get; set; } = "";
    /// <summary>Months after signing.</summary>
    public int DueMonth { get; set; }
    public string Deliverable { get; set; } = "";
}

/// <summary>The applicant's declarations in the 申报书.</summary>
internal sealed class Declarations
{
    /// <summary>This is the first substantive R&amp;D cooperation with the issuer (首次实质研发合作).</summary>
    public bool FirstCooperation { get; set; }
    /// <summary>No bad credit record (无不良信用记录).</summary>
    public bool NoBadCreditRecord { get; set; }
    /// <summary>Intellectual property will be protected (注重知识产权保护).</summary>
    public bool IpProtection { get; set; }
}

/// <summary>Everything the applicant writes; stored as one document and snapshotted at each submission.</summary>
internal class ApplicationContent
{
    /// <summary>All organisations including the lead; empty means the lead applies alone (100%).</summary>
    public List<MemberInput> Members { get; set; } = [];
    public string TechnicalApproach { get; set; } = "";
    public List<TeamMember> Team { get; set; } = [];
    public List<IndicatorResponse> IndicatorResponses { get; set; } = [];
    /// <summary>The applicants' own R&amp;D investment in fen.</summary>
    public long OwnInvestmentFen { get; set; }
    public List<Milestone> Milestones { get; set; } = [];
    public Declarations Declarations { get; set; } = new();

    /// <summary>The consortium as it counts: the lead alone at 100% when no members were given.</summary>
    public IReadOnlyList<MemberInput> ConsortiumOf(Guid leadOrganisationId) => Members.Count > 0
        ? Members
        : [new MemberInput { OrganisationId = leadOrganisationId, Role = ConsortiumRole.Lead, BudgetShareBp = 10_000 }];

    /// <summary>What is stored of a request's content: the same, with the technical approach trimmed and declarations never null.</summary>
    public static ApplicationContent CopyOf(ApplicationContent source) => new()
    {
        Members = source.Members, TechnicalApproach = source.TechnicalApproach.Trim(), Team = source.Team,
        IndicatorResponses = source.IndicatorResponses, OwnInvestmentFen = source.OwnInvestmentFen, Milestones = source.Milestones,
        Declarations = source.Declarations ?? new Declarations(),
    };
}


/// <summary>Shape checks on what an applicant writes; completeness and eligibility are checked when submitting.</summary>
internal sealed class ContentRules : AbstractValidator<ApplicationContent>
{
    public ContentRules()
    {
        RuleFor(x => x.Members).Must(m => m.Count <= 20).WithMessage("联合体最多20家单位 / At most 20 organisations");
        RuleForEach(x => x.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.OrganisationId).NotEmpty();
            m.RuleFor(x => x.Role).IsInEnum();
            m.RuleFor(x => x.BudgetShareBp).InclusiveBetween(0, 10_000);
            m.RuleFor(x => x.Responsibility).MaximumLength(1000);
        });
        RuleFor(x => x.TechnicalApproach).MaximumLength(50_000);
        RuleFor(x => x.Team).Must(t => t.Count <= 200).WithMessage("团队成员最多200人 / At most 200 team members");
        RuleForEach(x => x.Team).ChildRules(t =>
        {
            t.RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
            t.RuleFor(x => x.Title).MaximumLength(100);
            t.RuleFor(x => x.Role).MaximumLength(100);
        });
        RuleForEach(x => x.IndicatorResponses).ChildRules(r =>
        {
            r.RuleFor(x => x.IndicatorId).NotEmpty();
            r.RuleFor(x => x.CommittedValue).NotEmpty().MaximumLength(200);
            r.RuleFor(x => x.Note).MaximumLength(2000);
        });
        RuleFor(x => x.OwnInvestmentFen).InclusiveBetween(0, 10_000_000_000_00L);
        RuleFor(x => x.Milestones).Must(m => m.Count <= 50).WithMessage("里程碑最多50个 / At most 50 milestones");
        RuleForEach(x => x.Milestones).ChildRules(m =>
        {
            m.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            m.RuleFor(x => x.DueMonth).InclusiveBetween(1, 120);
            m.RuleFor(x => x.Deliverable).MaximumLength(1000);
        });
        RuleFor(x => x.Declarations).NotNull();
    }

    /// <summary>What a complete 申报书 has; checked at submission, keyed by field like validation errors.</summary>
    public static Dictionary<string, string[]> Missing(ApplicationContent content, IEnumerable<Guid> indicatorIds)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(content.TechnicalApproach))
        {
            errors["technicalApproach"] = ["须填写技术方案 / The technical approach is required"];
        }
        if (content.Team.Count == 0)
        {
            errors["team"] = ["须填写团队成员 / The team is required"];
        }
        if (content.Milestones.Count == 0)
        {
            errors["milestones"] = ["须填写里程碑计划 / The milestone plan is required"];
        }
        var answered = content.IndicatorResponses.Select(r => r.IndicatorId).ToHashSet();
        var missing = indicatorIds.Where(id => !answered.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            errors["indicatorResponses"] =
                [$"须响应每一项技术指标（缺{missing.Count}项） / Every technical indicator needs a response ({missing.Count} missing)"];
        }
        return errors;
    }
}
