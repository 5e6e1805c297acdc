using System.Data.Common;
using System.Text.Json;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Data;

internal sealed record ApplicationRow
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

    public ApplicationContent ContentDocument() =>
        JsonSerializer.Deserialize<ApplicationContent>(Content, JsonDefaults.Options) ?? new ApplicationContent();

    public bool IsParty(Caller caller) =>
        caller.OrganisationId is { } org && (org == LeadOrganisationId || Members.Any(m => m.OrganisationId == org));

    /// <summary>
    /// Sealed until the deadline: the applicant's own organisations (lead and members), the district portals of the lead's
    /// and of every member's region (they confirm for members of their district) and the task force (auditors read) see an
    /// application; the issuer only after the window has closed, and never a draft or a withdrawn one; experts only through
    /// their review assignments.
    /// </summary>
    public bool IsVisibleTo(Caller caller, DateTimeOffset now) =>
        caller.ReadsEverything
        || (caller.IsApplicant && IsParty(caller))
        || caller.CoversRegion(LeadRegionCode)
        || Members.Any(m => caller.CoversRegion(m.RegionCode))
        || (caller.IsIssuer && caller.BelongsTo(IssuerOrganisationId) && ApplicationWindow.IsClosed(ClosesAt, now)
            && !ApplicationLifecycle.IsHiddenFromIssuer(Status));

    /// <summary>The lead organisation's users, or the district portal acting for a unit of its district, change it.</summary>
    public bool MayEdit(Caller caller) =>
        (caller.IsApplicant && caller.BelongsTo(LeadOrganisationId)) || caller.CoversRegion(LeadRegionCode);

    /// <summary>
    /// The row as submitting version <paramref name="versionNo"/> at <paramref name="now"/> leaves it (what
    /// <see cref="ApplicationStore.MarkSubmitted"/> sets), so the write need not load it again.
    /// </summary>
    public ApplicationRow Submitted(int versionNo, DateTimeOffset now) => this with
    {
        Status = ApplicationStatus.Submitted, SubmittedVersion = versionNo, SubmittedAt = now, UpdatedAt = now, Version = Version + 1,
    };

    /// <summary>The members other than the lead whose confirmation of the current role and share is missing.</summary>
    public IReadOnlyList<MemberView> Unconfirmed() =>
        Members.Where(m => m.OrganisationId != LeadOrganisationId && m.ConfirmedAt is null).ToList();
}

internal static class ApplicationStore
{
    public const string Module = "Applications";
    public const string Entity = "Application";

    public const string Columns = """
        a.id AS Id, a.code AS Code, a.challenge_id AS ChallengeId, a.challenge_code AS ChallengeCode,
        a.challenge_title AS ChallengeTitle, a.batch_id AS BatchId, a.issuer_organisation_id AS IssuerOrganisationId, a.closes_at AS ClosesAt,
        a.lead_organisation_id AS LeadOrganisationId, a.lead_organisation_name AS LeadOrganisationName,
        a.lead_region_code AS LeadRegionCode,
        a.status AS Status, a.eligibility AS Eligibility, a.eligibility_results AS EligibilityResults,
        a.eligibility_checked_at AS EligibilityCheckedAt, a.eligibility_override_reason AS EligibilityOverrideReason,
        a.content AS Content, a.own_investment_fen AS OwnInvestmentFen, a.submitted_version AS SubmittedVersion,
        a.submitted_at AS SubmittedAt, a.is_demo AS IsDemo, a.created_at AS CreatedAt, a.updated_at AS UpdatedAt, a.version AS Version
        """;

    /// <summary>A confirmation counts only while the member's role and share are those it agreed to.</summary>
    private const string SelectMembers = """
        SELECT m.organisation_id AS OrganisationId, m.organisation_name AS OrganisationName, m.role AS Role,
            m.budget_share_bp AS BudgetShareBp, m.region_code AS RegionCode,
            c.confirmed_at AS ConfirmedAt, c.confirmed_by AS ConfirmedBy, c.confirmed_by_district AS ConfirmedByDistrict
        FROM applications_member m
        LEFT JOIN applications_confirmation c ON c.application_id = m.application_id AND c.organisation_id = m.organisation_id
            AND c.role = m.role AND c.budget_share_bp = m.budget_share_bp
        WHERE m.application_id = @Id ORDER BY m.ordinal
        """;

    private const string SelectAttachments = """
        SELECT id AS Id, file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes, sha256 AS Sha256,
            uploaded_at AS UploadedAt
        FROM applications_attachment WHERE application_id = @Id ORDER BY uploaded_at, id
        """;

    private const string SelectRow = $"SELECT {Columns} FROM applications_application a WHERE a.id = @Id";

    /// <summary>The application with its members (lead included), or null.</summary>
    public static async Task<ApplicationRow?> LoadAsync(DbConnection connection, Guid id, DbTransaction? tx = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ApplicationRow>(SelectRow, new { Id = id }, tx);
        if (row is not null)
        {
            row.Members = (await connection.QueryAsync<MemberView>(SelectMembers, new { Id = id }, tx))
                .Select(m => Required(m, row.LeadOrganisationId)).ToList();
        }
        return row;
    }

    private static MemberView Required(MemberView m, Guid lead) => new()
    {
        OrganisationId = m.OrganisationId, OrganisationName = m.OrganisationName, Role = m.Role, BudgetShareBp = m.BudgetShareBp,
        RegionCode = m.RegionCode, ConfirmationRequired = m.OrganisationId != lead,
        ConfirmedAt = m.OrganisationId != lead ? m.ConfirmedAt : null, ConfirmedBy = m.OrganisationId != lead ? m.ConfirmedBy : null,
        ConfirmedByDistrict = m.OrganisationId != lead ? m.ConfirmedByDistrict : null,
    };

    public static async Task<ApplicationDetail> DetailAsync(DbConnection connection, ApplicationRow row, DbTransaction? tx = null)
    {
        var content = row.ContentDocument();
        var attachments = (await connection.QueryAsync<AttachmentView>(SelectAttachments, new { row.Id }, tx)).AsList();
        var responsibilities = content.Members.ToDictionary(m => m.OrganisationId, m => m.Responsibility);
        return new ApplicationDetail
        {
            Id = row.Id, Code = row.Code, ChallengeId = row.ChallengeId, ChallengeCode = row.ChallengeCode,
            ChallengeTitle = row.ChallengeTitle, BatchId = row.BatchId, IssuerOrganisationId = row.IssuerOrganisationId,
            LeadOrganisationId = row.LeadOrganisationId, LeadOrganisationName = row.LeadOrganisationName, LeadRegionCode = row.LeadRegionCode,
            Status = row.Status,
            Eligibility = row.Eligibility,
            EligibilityResults = row.EligibilityResults is null
                ? null
                : JsonSerializer.Deserialize<List<RuleResultView>>(row.EligibilityResults, JsonDefaults.Options),
            EligibilityCheckedAt = row.EligibilityCheckedAt, EligibilityOverrideReason = row.EligibilityOverrideReason,
            Members = row.Members.Select(m => new MemberView
            {
                OrganisationId = m.OrganisationId, OrganisationName = m.OrganisationName, Role = m.Role, BudgetShareBp = m.BudgetShareBp,
                Responsibility = responsibilities.GetValueOrDefault(m.OrganisationId), RegionCode = m.RegionCode,
                ConfirmationRequired = m.ConfirmationRequired, ConfirmedAt = m.ConfirmedAt, ConfirmedBy = m.ConfirmedBy,
                ConfirmedByDistrict = m.ConfirmedByDistrict,
            }).ToList(),
            TechnicalApproach = content.TechnicalApproach, Team = content.Team, IndicatorResponses = content.IndicatorResponses,
            OwnInvestmentFen = content.OwnInvestmentFen, Milestones = content.Milestones, Declarations = content.Declarations,
            SubmittedVersion = row.SubmittedVersion, SubmittedAt = row.SubmittedAt, ClosesAt = row.ClosesAt, Attachments = attachments,
            IsDemo = row.IsDemo, CreatedAt = row.CreatedAt, UpdatedAt = row.UpdatedAt, Version = row.Version,
        };
    }

    /// <summary>The application as it now stands in the write (after its change), with the detail the write answers with.</summary>
    public static async Task<(ApplicationRow Row, ApplicationDetail Detail)> CurrentAsync(Write w, Guid id)
    {
        var row = (await LoadAsync(w.Connection, id, w.Transaction))!;
        return (row, await DetailAsync(w.Connection, row, w.Transaction));
    }

    private const string DeleteMembers = "DELETE FROM applications_member WHERE application_id = @Id";

    private const string InsertMember = """
        INSERT INTO applications_member (application_id, ordinal, organisation_id, organisation_name, role, budget_share_bp, region_code)
        VALUES (@ApplicationId, @Ordinal, @OrganisationId, @OrganisationName, @Role, @BudgetShareBp, @RegionCode)
        """;

    /// <summary>Confirmations whose member is gone or whose role or share changed: they lapse.</summary>
    private const string SelectLapsed = """
        SELECT c.organisation_id FROM applications_confirmation c
        WHERE c.application_id = @Id AND NOT EXISTS (SELECT 1 FROM applications_member m
            WHERE m.application_id = c.application_id AND m.organisation_id = c.organisation_id
              AND m.role = c.role AND m.budget_share_bp = c.budget_share_bp)
        """;

    /// <summary>Deletes a member's confirmation (for any terms).</summary>
    public const string DeleteConfirmation = "DELETE FROM applications_confirmation WHERE application_id = @Id AND organisation_id = @OrganisationId";

    /// <summary>
    /// Replaces the consortium. A member's confirmation survives only when it stays with the same role and share; otherwise
    /// it lapses and is deleted. Returns the organisations whose confirmation lapsed.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ReplaceMembersAsync(DbConnection connection, DbTransaction tx, Guid applicationId,
        IReadOnlyList<Party> parties)
    {
        await connection.ExecuteAsync(DeleteMembers, new { Id = applicationId }, tx);
        await connection.ExecuteAsync(InsertMember, parties.Select((p, i) => new
        {
            ApplicationId = applicationId, Ordinal = i + 1, p.OrganisationId,
            OrganisationName = p.Registered ? p.Name : "(未登记 / unregistered)",
            Role = p.Role.ToString(), p.BudgetShareBp, RegionCode = p.RegionCode ?? "",
        }), tx);
        var lapsed = (await connection.QueryAsync<Guid>(SelectLapsed, new { Id = applicationId }, tx)).AsList();
        foreach (var organisationId in lapsed)
        {
            await connection.ExecuteAsync(DeleteConfirmation, new { Id = applicationId, OrganisationId = organisationId }, tx);
        }
        return lapsed;
    }

    /// <summary>409 naming every member (by name) that has not confirmed its participation in its current role and share.</summary>
    public static IResult MembersUnconfirmed(IReadOnlyList<MemberView> missing)
    {
        var names = string.Join("、", missing.Select(m => m.OrganisationName));
        var namesEn = string.Join(", ", missing.Select(m => m.OrganisationName));
        return Problems.Of(StatusCodes.Status409Conflict, "application.members_unconfirmed", "Consortium members have not confirmed",
            $"以下联合单位尚未确认参与联合申报：{names} / These consortium members have not confirmed their participation: {namesEn}",
            violations: missing.Select(m => new Violation
            {
                Code = "application.members_unconfirmed", OrganisationId = m.OrganisationId,
                MessageZh = $"{m.OrganisationName}尚未确认参与", MessageEn = $"{m.OrganisationName} has not confirmed its participation",
            }).ToList());
    }

    public static string Serialize(ApplicationContent content) => JsonSerializer.Serialize(content, JsonDefaults.Options);

    /// <summary>A submitted version: the content as written and the consortium as it stood (also written by the demo data).</summary>
    public const string InsertVersion = """
        INSERT INTO applications_submission (id, application_id, version_no, content, submitted_at, submitted_by)
        VALUES (@Id, @ApplicationId, @VersionNo, @Content, @Now, @SubmittedBy)
        """;

    /// <summary>Submits the working copy on the version it was judged on; no row changed means it changed meanwhile.</summary>
    public const string MarkSubmitted = """
        UPDATE applications_application
        SET status = 'Submitted', submitted_version = @VersionNo, submitted_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    /// <summary>What a submitted version keeps: the content as written and the consortium as it stood.</summary>
    public static string Snapshot(ApplicationContent content, IReadOnlyList<MemberView> members) =>
        JsonSerializer.Serialize(new { content, members }, JsonDefaults.Options);

    /// <summary>The formal check's decision, written only on the version it judged and while still Submitted.</summary>
    public const string Decide = """
        UPDATE applications_application
        SET status = @Outcome, eligibility = @Outcome, eligibility_results = @Results, eligibility_checked_at = @Now, updated_at = @Now,
            version = version + 1
        WHERE id = @Id AND status = 'Submitted' AND version = @Version
        """;

    private const string SelectStatus = "SELECT status FROM applications_application WHERE id = @Id";

    /// <summary>
    /// Moves the status when it is one of <paramref name="from"/>; returns the status it moved from, or null when it moved
    /// nothing (not found, or in another state: a repeated message).
    /// </summary>
    public static async Task<ApplicationStatus?> MoveAsync(Write w, Guid id, IReadOnlyList<ApplicationStatus> from, ApplicationStatus to)
    {
        // One parameter per source state (never a bound list); the shape depends only on how many there are.
        var sources = string.Join(", ", from.Select((_, i) => $"@From{i}"));
        var sql = $"UPDATE applications_application SET status = @To, updated_at = @Now, version = version + 1 WHERE id = @Id AND status IN ({sources})";
        var parameters = new DynamicParameters(new { Id = id, To = to.ToString(), w.Now });
        for (var i = 0; i < from.Count; i++)
        {
            parameters.Add($"From{i}", from[i].ToString());
        }
        var before = await w.ExecuteScalarAsync<string>(SelectStatus, new { Id = id });
        return await w.ExecuteAsync(sql, parameters) == 0 ? null : Enum.Parse<ApplicationStatus>(before!);
    }
}


/// <summary>
/// Tells the change feed that an application's status changed, in the write that changed it. Only the applicant's side
/// (lead and members, and district keys covering them) sees it: an issuer learns of applications through its own list
/// after the deadline, never through the feed while they are sealed.
/// </summary>
internal static class ApplicationFeed
{
    /// <summary>For the row (with its members) as the write loaded it.</summary>
    public static Task StatusChangedAsync(Write w, ApplicationRow row, ApplicationStatus from, ApplicationStatus to) =>
        w.FeedAsync(new FeedEvent(FeedTypes.ApplicationStatusChanged, "application", row.Id,
            FeedAudience.Of(row.Members.Select(m => m.OrganisationId).Append(row.LeadOrganisationId).ToList(), Roles.Applicant, Roles.District),
            new Dictionary<string, string>
            {
                ["code"] = row.Code,
                ["challengeId"] = row.ChallengeId.ToString(),
                ["from"] = from.ToString(),
                ["status"] = to.ToString(),
            }));
}
