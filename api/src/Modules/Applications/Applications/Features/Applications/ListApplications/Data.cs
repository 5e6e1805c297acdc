using Jiebang.Platform.Database;

namespace Jiebang.Applications.Features.Applications.ListApplications;

internal static class Data
{
    public const string Columns = """
        a.id AS Id, a.code AS Code, a.challenge_id AS ChallengeId, a.challenge_code AS ChallengeCode, a.challenge_title AS ChallengeTitle,
        a.batch_id AS BatchId, a.lead_organisation_id AS LeadOrganisationId, a.lead_organisation_name AS LeadOrganisationName,
        a.lead_region_code AS LeadRegionCode, a.status AS Status, a.eligibility AS Eligibility,
        (SELECT COUNT(*) FROM applications_member m WHERE m.application_id = a.id) AS Members,
        a.own_investment_fen AS OwnInvestmentFen, a.submitted_version AS SubmittedVersion, a.submitted_at AS SubmittedAt,
        a.is_demo AS IsDemo, a.version AS Version
        """;

    public static string Count(Conditions where) => $"SELECT COUNT(*) FROM applications_application a {where.Sql}";

    public static string Page(Conditions where, SqlDialect dialect) =>
        $"SELECT {Columns} FROM applications_application a {where.Sql} ORDER BY a.code, a.id {dialect.Page}";
}
