using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;

namespace Jiebang.Applications.Views;

/// <summary>
/// 联合体成员：单位名称、角色、预算份额，以及其对联合申报协议的确认（牵头单位无需确认） /
/// A consortium member as shown: the organisation's name with its role and share, and its confirmation of the consortium
/// agreement (the lead needs none; a confirmation holds only for the role and share it agreed to).
/// </summary>
internal sealed class MemberView
{
    public Guid OrganisationId { get; init; }
    public string OrganisationName { get; init; } = "";
    public ConsortiumRole Role { get; init; }
    public int BudgetShareBp { get; init; }
    public string? Responsibility { get; init; }
    /// <summary>注册地行政区划代码 / The member's registered region (6-digit code) when it was named.</summary>
    public string RegionCode { get; init; } = "";
    /// <summary>须确认参与（非牵头单位） / Whether this member must confirm its participation (every member but the lead).</summary>
    public bool ConfirmationRequired { get; init; }
    /// <summary>确认时间（UTC）；未确认为空 / When the member confirmed (UTC); null while it has not.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }
    /// <summary>确认人（本单位用户或区门户） / Who confirmed: the member's user or the district portal.</summary>
    public string? ConfirmedBy { get; init; }
    /// <summary>代为确认的区门户所辖区划代码 / The district code when a district portal confirmed for the member.</summary>
    public string? ConfirmedByDistrict { get; init; }
}

/// <summary>One eligibility rule's verdict as stored with the application.</summary>
internal sealed class RuleResultView
{
    public string Code { get; init; } = "";
    public bool Passed { get; init; }
    public string MessageZh { get; init; } = "";
    public string MessageEn { get; init; } = "";
    public Guid? OrganisationId { get; init; }

    public static RuleResultView From(RuleResult r) => new()
    {
        Code = r.Code, Passed = r.Passed, MessageZh = r.MessageZh, MessageEn = r.MessageEn, OrganisationId = r.OrganisationId,
    };
}

internal sealed class AttachmentView
{
    public Guid Id { get; init; }
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long SizeBytes { get; init; }
    public string Sha256 { get; init; } = "";
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>An application (揭榜任务申报书) as the caller may see it; the working copy, with the number of the last submitted version.</summary>
internal sealed class ApplicationDetail
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required Guid ChallengeId { get; init; }
    public required string ChallengeCode { get; init; }
    public required string ChallengeTitle { get; init; }
    public required Guid BatchId { get; init; }
    public required Guid IssuerOrganisationId { get; init; }
    public required Guid LeadOrganisationId { get; init; }
    public required string LeadOrganisationName { get; init; }
    public required string LeadRegionCode { get; init; }
    public required ApplicationStatus Status { get; init; }
    public EligibilityOutcome? Eligibility { get; init; }
    public IReadOnlyList<RuleResultView>? EligibilityResults { get; init; }
    public DateTimeOffset? EligibilityCheckedAt { get; init; }
    /// <summary>The task force's written reason when it overrode the formal check.</summary>
    public string? EligibilityOverrideReason { get; init; }
    public required IReadOnlyList<MemberView> Members { get; init; }
    public required string TechnicalApproach { get; init; }
    public required IReadOnlyList<TeamMember> Team { get; init; }
    public required IReadOnlyList<IndicatorResponse> IndicatorResponses { get; init; }
    public required long OwnInvestmentFen { get; init; }
    public required IReadOnlyList<Milestone> Milestones { get; init; }
    public required Declarations Declarations { get; init; }
    /// <summary>0 until first submitted; each submission before the deadline adds a version.</summary>
    public required int SubmittedVersion { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>The deadline: first instant after the window, UTC.</summary>
    public required DateTimeOffset ClosesAt { get; init; }
    public required IReadOnlyList<AttachmentView> Attachments { get; init; }
    public required bool IsDemo { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required int Version { get; init; }
}
