using Jiebang.Funding.Data;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;

namespace Jiebang.Funding.Features.Agreements.ListAgreements;

internal static class Data
{
    public const string Columns = $"""
        a.id AS Id, a.code AS Code, a.application_id AS ApplicationId, a.challenge_id AS ChallengeId, a.batch_id AS BatchId,
        a.issuer_organisation_id AS IssuerOrganisationId, a.lead_organisation_id AS LeadOrganisationId, a.status AS Status,
        a.issuer_investment_fen + a.applicant_investment_fen AS JointInvestmentFen, a.commitment_fen AS CommitmentFen,
        (SELECT CAST(COALESCE(SUM({AgreementStore.Committed}), 0) AS BIGINT) FROM funding_ledger l WHERE l.agreement_id = a.id) AS CommittedFen,
        (SELECT CAST(COALESCE(SUM({AgreementStore.Paid}), 0) AS BIGINT) FROM funding_ledger l WHERE l.agreement_id = a.id) AS PaidFen,
        a.starts_on AS StartsOn, a.ends_on AS EndsOn, a.signed_at AS SignedAt, a.issuer_confirmed_at AS IssuerConfirmedAt
        """;

    public static string Count(Conditions where) => $"SELECT COUNT(*) FROM funding_agreement a {where.Sql}";

    public static string Page(Conditions where, SqlDialect dialect) =>
        $"SELECT {Columns} FROM funding_agreement a {where.Sql} ORDER BY a.signed_at DESC, a.id DESC {dialect.Page}";

    /// <summary>
    /// The agreements a caller may see, as SQL over funding_agreement a: the task force and auditors all; an issuer those
    /// on its own challenges; an applicant those its organisation is lead or member of; nobody else any (the same rule as
    /// GET /agreements/{id}, so a row in the list always opens).
    /// </summary>
    public static Conditions Visible(Caller caller)
    {
        var where = new Conditions();
        if (caller.ReadsEverything)
        {
            return where;
        }
        if (caller.IsIssuer && caller.OrganisationId is not null)
        {
            return where.And("a.issuer_organisation_id = @Org");
        }
        if (caller.IsApplicant && caller.OrganisationId is not null)
        {
            return where.And("EXISTS (SELECT 1 FROM funding_party p WHERE p.agreement_id = a.id AND p.organisation_id = @Org AND p.role <> 'Issuer')");
        }
        return where.And("1 = 0");
    }
}
