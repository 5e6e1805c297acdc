using Jiebang.Funding.Data;

namespace Jiebang.Funding.Features.Dashboard.GetDashboard;

internal static class Data
{
    /// <summary>Every agreement with its ledger summed in SQL: one row per agreement, however long its ledger.</summary>
    public const string Agreements = $"""
        SELECT a.id AS Id, a.batch_id AS BatchId, a.challenge_id AS ChallengeId, a.issuer_organisation_id AS IssuerOrganisationId,
               a.signed_at AS SignedAt,
               CAST(COALESCE(SUM({AgreementStore.Committed}), 0) AS BIGINT) AS CommittedFen,
               CAST(COALESCE(SUM({AgreementStore.Paid}), 0) AS BIGINT) AS PaidFen
        FROM funding_agreement a LEFT JOIN funding_ledger l ON l.agreement_id = a.id
        GROUP BY a.id, a.batch_id, a.challenge_id, a.issuer_organisation_id, a.signed_at
        """;

    /// <summary>Agreements whose applicant side is a consortium (a lead with at least one member).</summary>
    public const string WithMembers = """
        SELECT agreement_id FROM funding_party WHERE role = @Member GROUP BY agreement_id
        """;

    public const string Procurements = """
        SELECT agreement_id AS AgreementId, COUNT(*) AS Contracts, CAST(SUM(amount_fen) AS BIGINT) AS AmountFen
        FROM funding_procurement GROUP BY agreement_id
        """;

    public const string Budgets = "SELECT batch_id AS BatchId, total_budget_fen AS TotalBudgetFen FROM funding_policy";
}

internal sealed class AgreementFigures
{
    public Guid Id { get; set; }
    public Guid BatchId { get; set; }
    public Guid ChallengeId { get; set; }
    public Guid IssuerOrganisationId { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public long CommittedFen { get; set; }
    public long PaidFen { get; set; }
}

internal sealed class ProcurementFigures
{
    public Guid AgreementId { get; set; }
    public long Contracts { get; set; }
    public long AmountFen { get; set; }
}

internal sealed class BudgetRow
{
    public Guid BatchId { get; set; }
    public long TotalBudgetFen { get; set; }
}
