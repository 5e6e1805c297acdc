using System.Data.Common;
using System.Text.Json;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;

namespace Jiebang.Applications.Features.Shared;

internal sealed class ApplicationRow
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public Guid ChallengeId { get; init; }
    public string ChallengeCode { get; init; } = "";
    public string ChallengeTitle { get; init; } = "";
    public Guid BatchId { get; init; }
    public Guid IssuerOrganisationId { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public Guid LeadOrganisationId { get; init; }
    public string LeadOrganisationName { get; init; } = "";
    public string LeadRegionCode { get; init; } = "";
    public ApplicationStatus Status { get; init; }
    public EligibilityOutcome? Eligibility { get; init; }
    public string? EligibilityResults { get; init; }
    public DateTimeOffset? EligibilityCheckedAt { get; init; }
    public string? EligibilityOverrideReason { get; init; }
    public string Content { get; init; } = "{}";
    public long OwnInvestmentFen { get; init; }
    public int SubmittedVersion { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public bool IsDemo { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    /// <summary>Member organisations (lead included), loaded with the row.</summary>
    public List<MemberView> Members { get; set; } = [];

    public ApplicationContent ContentDocument() => JsonSerializer.Deserialize<ApplicationContent>(Content, JsonDefaults.Options) ?? new ApplicationContent();

    public bool IsParty(Caller caller) => caller.OrganisationId is { } org && (org == LeadOrganisationId || Members.Any(m => m.OrganisationId == org));

    /// <summary>
    /// Sealed until the deadline: the applicant's own organisations (lead and members), the district portal of the lead's
    /// region and the task force (auditors read) see an application; the issuer only after the window has closed, and
    /// never a draft or a withdrawn one; experts only through their review assignments.
    /// </summary>
    public bool IsVisibleTo(Caller caller, DateTimeOffset now) =>
        caller.ReadsEverything
        || (caller.IsApplicant && IsParty(caller))
        || caller.CoversRegion(LeadRegionCode)
        || (caller.IsIssuer && caller.BelongsTo(IssuerOrganisationId) && now >= ClosesAt
            && Status is not (ApplicationStatus.Draft or ApplicationStatus.Withdrawn));

    /// <summary>The lead organisation's users, or the district portal acting for a unit of its district, change it.</summary>
    public bool MayEdit(Caller caller) =>
        (caller.IsApplicant && caller.BelongsTo(LeadOrganisationId)) || caller.CoversRegion(LeadRegionCode);
}

internal static class ApplicationStore
{
    public const string Module = "Applications";
    public const string Entity = "Application";

    public const string Columns = """
        a.id AS Id, a.code AS Code, a.challenge_id AS ChallengeId, a.challenge_code AS ChallengeCode, a.challenge_title AS ChallengeTitle,
        a.batch_id AS BatchId, a.issuer_organisation_id AS IssuerOrganisationId, a.closes_at AS ClosesAt,
        a.lead_organisation_id AS LeadOrganisationId, a.lead_organisation_name AS LeadOrganisationName, a.lead_region_code AS LeadRegionCode,
        a.status AS Status, a.eligibility AS Eligibility, a.eligibility_results AS EligibilityResults,
        a.eligibility_checked_at AS EligibilityCheckedAt, a.eligibility_override_reason AS EligibilityOverrideReason,
        a.content AS Content, a.own_investment_fen AS OwnInvestmentFen, a.submitted_version AS SubmittedVersion,
        a.submitted_at AS SubmittedAt, a.is_demo AS IsDemo, a.created_at AS CreatedAt, a.updated_at AS UpdatedAt, a.version AS Version
        """;

    private const string SelectMembers = """
        SELECT organisation_id AS OrganisationId, organisation_name AS OrganisationName, role AS Role, budget_share_bp AS BudgetShareBp
        FROM applications_member WHERE application_id = @Id ORDER BY ordinal
        """;

    private const string SelectAttachments = """
        SELECT id AS Id, file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes, sha256 AS Sha256, uploaded_at AS UploadedAt
        FROM applications_attachment WHERE application_id = @Id ORDER BY uploaded_at, id
        """;

    public static async Task<ApplicationRow?> LoadAsync(DbConnection connection, Guid id, DbTransaction? tx = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ApplicationRow>($"SELECT {Columns} FROM applications_application a WHERE a.id = @Id", new { Id = id }, tx);
        if (row is not null)
        {
            row.Members = (await connection.QueryAsync<MemberView>(SelectMembers, new { Id = id }, tx)).AsList();
        }
        return row;
    }

    public static async Task<ApplicationDetail> DetailAsync(DbConnection connection, ApplicationRow row, DbTransaction? tx = null)
    {
        var content = row.ContentDocument();
        var attachments = (await connection.QueryAsync<AttachmentView>(SelectAttachments, new { row.Id }, tx)).AsList();
        var responsibilities = content.Members.ToDictionary(m => m.OrganisationId, m => m.Responsibility);
        return new ApplicationDetail
        {
            Id = row.Id, Code = row.Code, ChallengeId = row.ChallengeId, ChallengeCode = row.ChallengeCode, ChallengeTitle = row.ChallengeTitle,
            BatchId = row.BatchId, IssuerOrganisationId = row.IssuerOrganisationId, LeadOrganisationId = row.LeadOrganisationId,
            LeadOrganisationName = row.LeadOrganisationName, LeadRegionCode = row.LeadRegionCode, Status = row.Status,
            Eligibility = row.Eligibility,
            EligibilityResults = row.EligibilityResults is null ? null : JsonSerializer.Deserialize<List<RuleResultView>>(row.EligibilityResults, JsonDefaults.Options),
            EligibilityCheckedAt = row.EligibilityCheckedAt, EligibilityOverrideReason = row.EligibilityOverrideReason,
            Members = row.Members.Select(m => new MemberView
            {
                OrganisationId = m.OrganisationId, OrganisationName = m.OrganisationName, Role = m.Role, BudgetShareBp = m.BudgetShareBp,
                Responsibility = responsibilities.GetValueOrDefault(m.OrganisationId),
            }).ToList(),
            TechnicalApproach = content.TechnicalApproach, Team = content.Team, IndicatorResponses = content.IndicatorResponses,
            OwnInvestmentFen = content.OwnInvestmentFen, Milestones = content.Milestones, Declarations = content.Declarations,
            SubmittedVersion = row.SubmittedVersion, SubmittedAt = row.SubmittedAt, ClosesAt = row.ClosesAt, Attachments = attachments,
            IsDemo = row.IsDemo, CreatedAt = row.CreatedAt, UpdatedAt = row.UpdatedAt, Version = row.Version,
        };
    }

    private const string DeleteMembers = "DELETE FROM applications_member WHERE application_id = @Id";

    private const string InsertMember = """
        INSERT INTO applications_member (application_id, ordinal, organisation_id, organisation_name, role, budget_share_bp)
        VALUES (@ApplicationId, @Ordinal, @OrganisationId, @OrganisationName, @Role, @BudgetShareBp)
        """;

    public static async Task ReplaceMembersAsync(DbConnection connection, DbTransaction tx, Guid applicationId, IReadOnlyList<Party> parties)
    {
        await connection.ExecuteAsync(DeleteMembers, new { Id = applicationId }, tx);
        await connection.ExecuteAsync(InsertMember, parties.Select((p, i) => new
        {
            ApplicationId = applicationId, Ordinal = i + 1, p.OrganisationId, OrganisationName = p.Registered ? p.Name : "(未登记 / unregistered)",
            Role = p.Role.ToString(), p.BudgetShareBp,
        }), tx);
    }

    public static string Serialize(ApplicationContent content) => JsonSerializer.Serialize(content, JsonDefaults.Options);
}
