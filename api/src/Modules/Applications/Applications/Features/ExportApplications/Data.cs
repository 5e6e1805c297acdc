namespace Jiebang.Applications.Features.ExportApplications;

internal static class Data
{
    public const string Columns = """
        a.id AS Id, a.code AS Code, a.challenge_code AS ChallengeCode, a.challenge_title AS ChallengeTitle,
        a.lead_organisation_name AS LeadOrganisationName, a.lead_region_code AS LeadRegionCode, a.status AS Status,
        a.eligibility AS Eligibility, a.own_investment_fen AS OwnInvestmentFen, a.submitted_version AS SubmittedVersion,
        a.submitted_at AS SubmittedAt, a.is_demo AS IsDemo
        """;

    public const string MemberColumns = """
        m.application_id AS ApplicationId, m.organisation_name AS OrganisationName, m.role AS Role, m.budget_share_bp AS BudgetShareBp
        """;
}
