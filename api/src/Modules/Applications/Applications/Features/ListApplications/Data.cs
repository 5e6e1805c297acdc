using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;

namespace Jiebang.Applications.Features.ListApplications;

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

    /// <summary>The rows a caller may see, as SQL over applications_application a (the same rule as ApplicationRow.IsVisibleTo).</summary>
    public static Conditions Visible(Caller caller)
    {
        var where = new Conditions();
        if (caller.ReadsEverything)
        {
            return where;
        }
        if (caller.IsApplicant && caller.OrganisationId is not null)
        {
            return where.And("a.lead_organisation_id = @Org OR EXISTS (SELECT 1 FROM applications_member m WHERE m.application_id = a.id AND m.organisation_id = @Org)");
        }
        if (caller.IsDistrict && caller.DistrictCode is not null)
        {
            return where.And("a.lead_region_code LIKE @DistrictPrefix OR EXISTS (SELECT 1 FROM applications_member m WHERE m.application_id = a.id AND m.region_code LIKE @DistrictPrefix)");
        }
        if (caller.IsIssuer && caller.OrganisationId is not null)
        {
            return where.And("a.issuer_organisation_id = @Org AND a.closes_at <= @Now AND a.status NOT IN ('Draft', 'Withdrawn')");
        }
        return where.And("1 = 0");
    }
}
