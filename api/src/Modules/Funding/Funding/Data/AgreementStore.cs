using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Writes;

namespace Jiebang.Funding.Data;

internal sealed class AgreementRow
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public Guid ApplicationId { get; set; }
    public Guid ChallengeId { get; set; }
    public Guid BatchId { get; set; }
    public Guid IssuerOrganisationId { get; set; }
    public Guid LeadOrganisationId { get; set; }
    public long IssuerInvestmentFen { get; set; }
    public long ApplicantInvestmentFen { get; set; }
    public int RatioBp { get; set; }
    public long CapFen { get; set; }
    public long CommitmentFen { get; set; }
    public string Tranches { get; set; } = "[]";
    public string StartsOn { get; set; } = "";
    public string EndsOn { get; set; } = "";
    public AgreementStatus Status { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public string SignedBy { get; set; } = "";
    public string? ProcurementWaiver { get; set; }
    public string? IssuerConfirmedBy { get; set; }
    public DateTimeOffset? IssuerConfirmedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class PartyRow
{
    public Guid OrganisationId { get; set; }
    public PartyRole Role { get; set; }
}

internal sealed class MilestoneRow
{
    public int Ordinal { get; set; }
    public string Name { get; set; } = "";
    public string DueOn { get; set; } = "";
    public int? TrancheIndex { get; set; }
    public string Deliverables { get; set; } = "[]";
    public string IndicatorTargets { get; set; } = "[]";
}

internal sealed class LedgerRow
{
    public Guid Id { get; set; }
    public int EntryNo { get; set; }
    public LedgerKind Kind { get; set; }
    public long AmountFen { get; set; }
    public int? MilestoneIndex { get; set; }
    public string Reason { get; set; } = "";
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
}

internal sealed class ProcurementRow
{
    public Guid Id { get; set; }
    public string ContractDate { get; set; } = "";
    public long AmountFen { get; set; }
    public string Product { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Sums of the ledger; never stored.</summary>
internal sealed class BalanceRow
{
    public long CommittedFen { get; set; }
    public long PaidFen { get; set; }
}

/// <summary>
/// The agreement aggregate: the agreement, its parties, milestones and procurements, and its ledger (append-only: every
/// money movement is a new entry, balances are sums).
/// </summary>
internal static class AgreementStore
{
    public const string Module = "Funding";

    /// <summary>A ledger row's effect on the commitment (an expression over kind and amount_fen).</summary>
    public const string Committed = $"""
        CASE WHEN kind = '{nameof(LedgerKind.Commit)}' OR kind = '{nameof(LedgerKind.Adjust)}' THEN amount_fen
             WHEN kind = '{nameof(LedgerKind.Release)}' OR kind = '{nameof(LedgerKind.ClawBack)}' THEN -amount_fen ELSE 0 END
        """;

    /// <summary>A ledger row's effect on what has been paid.</summary>
    public const string Paid = $"""
        CASE WHEN kind = '{nameof(LedgerKind.Disburse)}' THEN amount_fen
             WHEN kind = '{nameof(LedgerKind.ClawBack)}' THEN -amount_fen ELSE 0 END
        """;

    public const string BatchBalance = $"""
        SELECT CAST(COALESCE(SUM({Committed}), 0) AS BIGINT) AS CommittedFen, CAST(COALESCE(SUM({Paid}), 0) AS BIGINT) AS PaidFen
        FROM funding_ledger WHERE batch_id = @BatchId
        """;

    public const string AgreementBalance = $"""
        SELECT CAST(COALESCE(SUM({Committed}), 0) AS BIGINT) AS CommittedFen, CAST(COALESCE(SUM({Paid}), 0) AS BIGINT) AS PaidFen
        FROM funding_ledger WHERE agreement_id = @AgreementId
        """;

    public const string SelectAgreement = """
        SELECT id AS Id, code AS Code, application_id AS ApplicationId, challenge_id AS ChallengeId, batch_id AS BatchId,
               issuer_organisation_id AS IssuerOrganisationId, lead_organisation_id AS LeadOrganisationId,
               issuer_investment_fen AS IssuerInvestmentFen, applicant_investment_fen AS ApplicantInvestmentFen,
               ratio_bp AS RatioBp, cap_fen AS CapFen, commitment_fen AS CommitmentFen, tranches AS Tranches,
               starts_on AS StartsOn, ends_on AS EndsOn, status AS Status, signed_at AS SignedAt, signed_by AS SignedBy,
               procurement_waiver AS ProcurementWaiver, issuer_confirmed_by AS IssuerConfirmedBy, issuer_confirmed_at AS IssuerConfirmedAt,
               updated_at AS UpdatedAt, version AS Version
        FROM funding_agreement WHERE id = @Id
        """;

    private const string SelectParties = """
        SELECT organisation_id AS OrganisationId, role AS Role FROM funding_party WHERE agreement_id = @Id
        """;

    private const string SelectMilestones = """
        SELECT ordinal AS Ordinal, name AS Name, due_on AS DueOn, tranche_index AS TrancheIndex, deliverables AS Deliverables,
               indicator_targets AS IndicatorTargets
        FROM funding_milestone WHERE agreement_id = @Id ORDER BY ordinal
        """;

    private const string SelectLedger = """
        SELECT id AS Id, entry_no AS EntryNo, kind AS Kind, amount_fen AS AmountFen, milestone_index AS MilestoneIndex, reason AS Reason,
               actor_id AS ActorId, actor_name AS ActorName, occurred_at AS OccurredAt
        FROM funding_ledger WHERE agreement_id = @Id ORDER BY entry_no
        """;

    private const string SelectProcurements = """
        SELECT id AS Id, contract_date AS ContractDate, amount_fen AS AmountFen, product AS Product, recorded_by AS RecordedBy,
               recorded_at AS RecordedAt
        FROM funding_procurement WHERE agreement_id = @Id ORDER BY recorded_at, id
        """;

    private const string MilestoneCount = "SELECT COUNT(*) FROM funding_milestone WHERE agreement_id = @Id";

    /// <summary>Organisations that already have an agreement with this issuer (the issuer's own party rows excluded).</summary>
    private const string PriorPartners = """
        SELECT DISTINCT organisation_id FROM funding_party WHERE issuer_organisation_id = @IssuerId AND role <> @IssuerRole
        """;

    private const string IsParty = "SELECT COUNT(*) FROM funding_party WHERE agreement_id = @AgreementId AND organisation_id = @OrganisationId";

    /// <summary>A step of the lifecycle that moves the agreement from one status to the next.</summary>
    private const string Move = """
        UPDATE funding_agreement SET status = @To, updated_at = @Now, version = version + 1 WHERE id = @Id AND status = @From
        """;

    public const string InsertLedger = """
        INSERT INTO funding_ledger (id, agreement_id, entry_no, batch_id, kind, amount_fen, milestone_index, reason, actor_id, actor_name, occurred_at)
        SELECT @Id, @AgreementId, COALESCE(MAX(entry_no), 0) + 1, @BatchId, @Kind, @AmountFen, @MilestoneIndex, @Reason, @ActorId, @ActorName, @OccurredAt
        FROM funding_ledger WHERE agreement_id = @AgreementId
        """;

    public static Task<AgreementRow?> GetAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<AgreementRow>(SelectAgreement, new { Id = id }, tx);

    /// <summary>
    /// Loads an agreement with its batch's policy row locked, reading it again under the lock so that what the caller
    /// decides on is current: money of one batch moves one request at a time. Null when there is no such agreement.
    /// </summary>
    public static async Task<AgreementRow?> LockAsync(Write w, Guid id)
    {
        var agreement = await GetAsync(w.Connection, id, w.Transaction);
        if (agreement is null)
        {
            return null;
        }
        await PolicyStore.LockAsync(w.Connection, w.Transaction, w.Dialect, agreement.BatchId);
        return await GetAsync(w.Connection, id, w.Transaction);
    }

    public static Task<BalanceRow> BatchBalanceAsync(DbConnection connection, Guid batchId, DbTransaction? tx = null) =>
        connection.QuerySingleAsync<BalanceRow>(BatchBalance, new { BatchId = batchId }, tx);

    public static Task<BalanceRow> BalanceAsync(DbConnection connection, Guid agreementId, DbTransaction? tx = null) =>
        connection.QuerySingleAsync<BalanceRow>(AgreementBalance, new { AgreementId = agreementId }, tx);

    public static Task<IEnumerable<PartyRow>> PartiesAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QueryAsync<PartyRow>(SelectParties, new { Id = id }, tx);

    public static Task<IEnumerable<MilestoneRow>> MilestonesAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QueryAsync<MilestoneRow>(SelectMilestones, new { Id = id }, tx);

    public static Task<IEnumerable<LedgerRow>> LedgerAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QueryAsync<LedgerRow>(SelectLedger, new { Id = id }, tx);

    public static Task<IEnumerable<ProcurementRow>> ProcurementsAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QueryAsync<ProcurementRow>(SelectProcurements, new { Id = id }, tx);

    public static Task<long> MilestoneCountAsync(Write w, Guid id) => w.ExecuteScalarAsync<long>(MilestoneCount, new { Id = id });

    /// <summary>The organisations that are already a party to an agreement with the issuer (other than as the issuer).</summary>
    public static async Task<HashSet<Guid>> PriorPartnersAsync(DbConnection connection, Guid issuerOrganisationId, DbTransaction? tx = null) =>
        (await connection.QueryAsync<Guid>(PriorPartners, new { IssuerId = issuerOrganisationId, IssuerRole = nameof(PartyRole.Issuer) }, tx))
        .ToHashSet();

    public static async Task<bool> IsPartyAsync(DbConnection connection, Guid agreementId, Guid organisationId) =>
        await connection.ExecuteScalarAsync<long>(IsParty, new { AgreementId = agreementId, OrganisationId = organisationId }) > 0;

    /// <summary>Moves the agreement as <paramref name="step"/> leads from its current status (the lifecycle decides where).</summary>
    public static Task<int> MoveAsync(Write w, AgreementRow agreement, AgreementStep step)
    {
        if (!AgreementLifecycle.TryMove(agreement.Status, step, out var to))
        {
            throw Write.Refuse(AgreementLifecycle.NotActive(agreement.Status));
        }
        return w.ExecuteAsync(Move, new { agreement.Id, From = agreement.Status.ToString(), To = to.ToString(), w.Now });
    }

    /// <summary>Appends a ledger entry by this write's caller, at this write's time; returns the entry's id.</summary>
    public static Task<Guid> AppendAsync(Write w, AgreementRow agreement, LedgerKind kind, long amountFen, int? milestoneIndex, string reason) =>
        AppendAsync(w.Connection, w.Transaction, agreement.Id, agreement.BatchId, kind, amountFen, milestoneIndex, reason, w.Caller, w.Now);

    public static async Task<Guid> AppendAsync(DbConnection connection, DbTransaction tx, Guid agreementId, Guid batchId, LedgerKind kind,
        long amountFen, int? milestoneIndex, string reason, Caller actor, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(InsertLedger, new
        {
            Id = id, AgreementId = agreementId, BatchId = batchId, Kind = kind.ToString(), AmountFen = amountFen,
            MilestoneIndex = milestoneIndex, Reason = reason, ActorId = actor.UserId, ActorName = actor.Name, OccurredAt = now,
        }, tx);
        return id;
    }

    /// <summary>
    /// The target each indicator must meet at acceptance: the one agreed at the last milestone that names it, otherwise
    /// the challenge's own.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> AgreedTargetsAsync(DbConnection connection, Guid agreementId, DbTransaction? tx = null)
    {
        var targets = new Dictionary<Guid, string>();
        foreach (var m in await MilestonesAsync(connection, agreementId, tx))
        {
            foreach (var t in ReadList<IndicatorTarget>(m.IndicatorTargets))
            {
                targets[t.IndicatorId] = t.Target;
            }
        }
        return targets;
    }

    public static string WritePlan(IEnumerable<Tranche> plan) => JsonSerializer.Serialize(plan.ToArray(), JsonDefaults.Options);

    public static IReadOnlyList<Tranche> ReadPlan(string json) => JsonSerializer.Deserialize<Tranche[]>(json, JsonDefaults.Options) ?? [];

    public static string WriteList<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToArray(), JsonDefaults.Options);

    public static IReadOnlyList<T> ReadList<T>(string json) => JsonSerializer.Deserialize<T[]>(json, JsonDefaults.Options) ?? [];

    public static string FormatDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
