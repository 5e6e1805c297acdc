using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;

namespace Jiebang.Applications.Data;

/// <summary>An application as read for the export.</summary>
internal sealed class ExportRow
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string ChallengeCode { get; set; } = "";
    public string ChallengeTitle { get; set; } = "";
    public string LeadOrganisationName { get; set; } = "";
    public string LeadRegionCode { get; set; } = "";
    public ApplicationStatus Status { get; set; }
    public EligibilityOutcome? Eligibility { get; set; }
    public long OwnInvestmentFen { get; set; }
    public int SubmittedVersion { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public bool IsDemo { get; set; }
}

internal sealed class ExportMember
{
    public Guid ApplicationId { get; set; }
    public string OrganisationName { get; set; } = "";
    public ConsortiumRole Role { get; set; }
    public int BudgetShareBp { get; set; }
}

/// <summary>What the export reads: the applications a caller may see, by batch and/or challenge, with their members.</summary>
internal static class ExportStore
{
    private const string Columns = """
        a.id AS Id, a.code AS Code, a.challenge_code AS ChallengeCode, a.challenge_title AS ChallengeTitle,
        a.lead_organisation_name AS LeadOrganisationName, a.lead_region_code AS LeadRegionCode, a.status AS Status,
        a.eligibility AS Eligibility, a.own_investment_fen AS OwnInvestmentFen, a.submitted_version AS SubmittedVersion,
        a.submitted_at AS SubmittedAt, a.is_demo AS IsDemo
        """;

    private const string MemberColumns = """
        m.application_id AS ApplicationId, m.organisation_name AS OrganisationName, m.role AS Role, m.budget_share_bp AS BudgetShareBp
        """;

    public static async Task<(List<ExportRow> Rows, ILookup<Guid, ExportMember> Members)> ReadAsync(DbConnectionFactory db, Caller caller,
        Guid? batch, Guid? challenge, DateTimeOffset now, CancellationToken ct)
    {
        var where = ApplicationSearch.Visible(caller)
            .AndIf(batch is not null, "a.batch_id = @Batch")
            .AndIf(challenge is not null, "a.challenge_id = @Challenge");
        var args = new { Org = caller.OrganisationId, DistrictPrefix = caller.DistrictCode + "%", Now = now, Batch = batch, Challenge = challenge };
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<ExportRow>(
            $"SELECT {Columns} FROM applications_application a {where.Sql} ORDER BY a.code, a.id", args)).AsList();
        var members = (await connection.QueryAsync<ExportMember>(
                $"SELECT {MemberColumns} FROM applications_member m JOIN applications_application a ON a.id = m.application_id {where.Sql} " +
                "ORDER BY m.application_id, m.ordinal",
                args))
            .ToLookup(m => m.ApplicationId);
        return (rows, members);
    }
}
