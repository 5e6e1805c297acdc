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
