using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Jiebang.Funding.Domain;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;

using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.Shared;

/// <summary>台账记录类型（台账只增不改）/ Every kind of money movement; the ledger only ever grows.</summary>
internal enum LedgerKind
{
    /// <summary>签约时从批次预算锁定承诺资金 / A commitment reserved from the batch budget at signing.</summary>
    Commit,
    /// <summary>拨付一笔资金 / A tranche paid out.</summary>
    Disburse,
    /// <summary>调整承诺金额（带符号）/ A correction of the commitment (signed amount).</summary>
    Adjust,
    /// <summary>追回已拨资金，退回批次预算 / Paid money recovered; it returns to the batch budget.</summary>
    ClawBack,
    /// <summary>释放未拨付的承诺，退回批次预算 / Unpaid commitment handed back to the batch budget.</summary>
    Release,
}

/// <summary>协议状态 / The state of an agreement.</summary>
internal enum AgreementStatus
{
    /// <summary>执行中 / In force: milestones, reports and tranches follow.</summary>
    Active,
    /// <summary>验收通过，尚可拨付末笔资金并登记采购 / Acceptance passed; the final tranche and procurement may follow.</summary>
    Completed,
    /// <summary>已终止（含验收未通过）/ Terminated, including by a failed acceptance.</summary>
    Terminated,
    /// <summary>已结项：采购已登记或说明了豁免理由 / Procurement recorded or waived with a reason; nothing more happens.</summary>
    Closed,
}

/// <summary>协议方的角色 / The role of a party to the agreement.</summary>
internal enum PartyRole
{
    /// <summary>发榜企业 / The issuer.</summary>
    Issuer,
    /// <summary>揭榜牵头单位 / The lead applicant.</summary>
    Lead,
    /// <summary>联合体成员 / A consortium member.</summary>
    Member,
}

internal sealed class PolicyRow
{
    public Guid BatchId { get; set; }
    public int RatioBp { get; set; }
    public long CapPerProjectFen { get; set; }
    public long TotalBudgetFen { get; set; }
    public string Tranches { get; set; } = "[]";
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<Tranche> Plan() => FundingStore.ReadPlan(Tranches);
}

/// <summary>Sums of the ledger; never stored.</summary>
internal sealed class BalanceRow
{
    public long CommittedFen { get; set; }
    public long PaidFen { get; set; }
}

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

/// <summary>A target agreed for one indicator of the challenge at a milestone (the agreement may sharpen the challenge's own).</summary>
internal sealed class IndicatorTarget
{
    /// <summary>The challenge indicator this target is for.</summary>
    public Guid IndicatorId { get; set; }
    /// <summary>The value to reach by the milestone, in the indicator's unit.</summary>
    public string Target { get; set; } = "";
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

internal static class FundingStore
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

    private const string PolicyColumns = """
        batch_id AS BatchId, ratio_bp AS RatioBp, cap_per_project_fen AS CapPerProjectFen, total_budget_fen AS TotalBudgetFen,
        tranches AS Tranches, is_demo AS IsDemo, created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version
        """;

    public const string SelectPolicy = $"SELECT {PolicyColumns} FROM funding_policy WHERE batch_id = @BatchId";

    public const string SelectAgreement = """
        SELECT id AS Id, code AS Code, application_id AS ApplicationId, challenge_id AS ChallengeId, batch_id AS BatchId,
               issuer_organisation_id AS IssuerOrganisationId, lead_organisation_id AS LeadOrganisationId,
               issuer_investment_fen AS IssuerInvestmentFen, applicant_investment_fen AS ApplicantInvestmentFen,
               ratio_bp AS RatioBp, cap_fen AS CapFen, commitment_fen AS CommitmentFen, tranches AS Tranches,
               starts_on AS StartsOn, ends_on AS EndsOn, status AS Status, signed_at AS SignedAt, signed_by AS SignedBy, procurement_waiver AS ProcurementWaiver,
               issuer_confirmed_by AS IssuerConfirmedBy, issuer_confirmed_at AS IssuerConfirmedAt, updated_at AS UpdatedAt, version AS Version
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
        SELECT id AS Id, contract_date AS ContractDate, amount_fen AS AmountFen, product AS Product, recorded_by AS RecordedBy, recorded_at AS RecordedAt
        FROM funding_procurement WHERE agreement_id = @Id ORDER BY recorded_at, id
        """;

    public const string InsertLedger = """
        INSERT INTO funding_ledger (id, agreement_id, entry_no, batch_id, kind, amount_fen, milestone_index, reason, actor_id, actor_name, occurred_at)
        SELECT @Id, @AgreementId, COALESCE(MAX(entry_no), 0) + 1, @BatchId, @Kind, @AmountFen, @MilestoneIndex, @Reason, @ActorId, @ActorName, @OccurredAt
        FROM funding_ledger WHERE agreement_id = @AgreementId
        """;

    /// <summary>Reads the policy row and, inside a write transaction, locks it with the provider's row lock.</summary>
    /// <summary>
    /// Loads an agreement with its batch's policy row locked, reading it again under the lock so that what the caller
    /// decides on is current: money of one batch moves one request at a time. Null when there is no such agreement.
    /// </summary>
    public static async Task<AgreementRow?> LockedAgreementAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, Guid id)
    {
        var agreement = await AgreementAsync(connection, id, tx);
        if (agreement is null)
        {
            return null;
        }
        await LockPolicyAsync(connection, tx, dialect, agreement.BatchId);
        return await AgreementAsync(connection, id, tx);
    }

    public static Task<PolicyRow?> LockPolicyAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, Guid batchId) =>
        connection.QuerySingleOrDefaultAsync<PolicyRow>(
            $"SELECT {PolicyColumns} FROM funding_policy {dialect.LockHint} WHERE batch_id = @BatchId {dialect.ForUpdate}",
            new { BatchId = batchId }, tx);

    public static Task<PolicyRow?> PolicyAsync(DbConnection connection, Guid batchId, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<PolicyRow>(SelectPolicy, new { BatchId = batchId }, tx);

    public static Task<BalanceRow> BatchBalanceAsync(DbConnection connection, Guid batchId, DbTransaction? tx = null) =>
        connection.QuerySingleAsync<BalanceRow>(BatchBalance, new { BatchId = batchId }, tx);

    public static Task<BalanceRow> AgreementBalanceAsync(DbConnection connection, Guid agreementId, DbTransaction? tx = null) =>
        connection.QuerySingleAsync<BalanceRow>(AgreementBalance, new { AgreementId = agreementId }, tx);

    public static Task<AgreementRow?> AgreementAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<AgreementRow>(SelectAgreement, new { Id = id }, tx);

    public static Task AppendAsync(DbConnection connection, DbTransaction tx, Guid agreementId, Guid batchId, LedgerKind kind, long amountFen,
        int? milestoneIndex, string reason, Platform.Auth.Caller actor, DateTimeOffset now) =>
        connection.ExecuteAsync(InsertLedger, new
        {
            Id = Guid.CreateVersion7(), AgreementId = agreementId, BatchId = batchId, Kind = kind.ToString(), AmountFen = amountFen,
            MilestoneIndex = milestoneIndex, Reason = reason, ActorId = actor.UserId, ActorName = actor.Name, OccurredAt = now,
        }, tx);

    public static async Task<AgreementDetail> DetailAsync(DbConnection connection, AgreementRow row, DbTransaction? tx = null)
    {
        var parties = (await connection.QueryAsync<PartyRow>(SelectParties, new { row.Id }, tx)).ToList();
        var milestones = await connection.QueryAsync<MilestoneRow>(SelectMilestones, new { row.Id }, tx);
        var ledger = await connection.QueryAsync<LedgerRow>(SelectLedger, new { row.Id }, tx);
        var balance = await AgreementBalanceAsync(connection, row.Id, tx);
        var reports = await ProgressStore.ModelsForAgreementAsync(connection, row.Id, tx);
        var verified = await ProgressStore.VerifiedInvestmentAsync(connection, row.Id, tx);
        var procurements = await connection.QueryAsync<ProcurementRow>(SelectProcurements, new { row.Id }, tx);
        return new AgreementDetail(row.Id, row.Code, row.ApplicationId, row.ChallengeId, row.BatchId, row.IssuerOrganisationId,
            row.LeadOrganisationId,
            parties.OrderBy(p => p.Role).ThenBy(p => p.OrganisationId).Select(p => new AgreementParty(p.OrganisationId, p.Role.ToString())).ToList(),
            row.IssuerInvestmentFen, row.ApplicantInvestmentFen, row.IssuerInvestmentFen + row.ApplicantInvestmentFen,
            row.RatioBp, row.CapFen, row.CommitmentFen, ReadPlan(row.Tranches).Select(TrancheModel.From).ToList(),
            ParseDay(row.StartsOn), ParseDay(row.EndsOn),
            milestones.Select(m => new MilestoneModel(m.Ordinal, m.Name, ParseDay(m.DueOn), m.TrancheIndex,
                ReadList<string>(m.Deliverables), ReadList<IndicatorTarget>(m.IndicatorTargets))).ToList(),
            row.Status.ToString(), row.SignedAt, row.SignedBy, row.IssuerConfirmedBy, row.IssuerConfirmedAt,
            new Balances(balance.CommittedFen, balance.PaidFen, balance.CommittedFen - balance.PaidFen),
            ledger.Select(l => new LedgerEntry(l.Id, l.EntryNo, l.Kind.ToString(), l.AmountFen, l.MilestoneIndex, l.Reason, l.ActorName, l.OccurredAt)).ToList(),
            verified, reports,
            procurements.Select(p => new Procurement(p.Id, ParseDay(p.ContractDate), p.AmountFen, p.Product, p.RecordedBy, p.RecordedAt)).ToList(),
            row.ProcurementWaiver, row.Version);
    }

    public static string WritePlan(IEnumerable<Tranche> plan) => JsonSerializer.Serialize(plan.ToArray(), JsonDefaults.Options);

    public static IReadOnlyList<Tranche> ReadPlan(string json) => JsonSerializer.Deserialize<Tranche[]>(json, JsonDefaults.Options) ?? [];

    public static string WriteList<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToArray(), JsonDefaults.Options);

    public static IReadOnlyList<T> ReadList<T>(string json) => JsonSerializer.Deserialize<T[]>(json, JsonDefaults.Options) ?? [];

    /// <summary>
    /// The target each indicator must meet at acceptance: the one agreed at the last milestone that names it, otherwise
    /// the challenge's own.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> AgreedTargetsAsync(DbConnection connection, Guid agreementId, DbTransaction? tx = null)
    {
        var targets = new Dictionary<Guid, string>();
        foreach (var m in await connection.QueryAsync<MilestoneRow>(SelectMilestones, new { Id = agreementId }, tx))
        {
            foreach (var t in ReadList<IndicatorTarget>(m.IndicatorTargets))
            {
                targets[t.IndicatorId] = t.Target;
            }
        }
        return targets;
    }

    public static string FormatDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One tranche of a plan: a whole percentage of the commitment, payable once the milestone with this 0-based index is verified.</summary>
internal sealed class TrancheModel
{
    /// <summary>Percentage of the commitment (1–100); the plan sums to exactly 100.</summary>
    public int Percent { get; set; }
    /// <summary>0-based index of the agreement milestone that releases this tranche (0 = the first milestone, e.g. signing).</summary>
    public int MilestoneIndex { get; set; }

    public Tranche ToTranche() => new(Percent, MilestoneIndex);

    public static TrancheModel From(Tranche t) => new() { Percent = t.Percent, MilestoneIndex = t.MilestoneIndex };
}

/// <summary>Money in fen, computed from the ledger.</summary>
internal sealed record Balances(long CommittedFen, long PaidFen, long RemainingFen);

/// <summary>协议的一方 / A party to the agreement.</summary>
internal sealed record AgreementParty(Guid OrganisationId, [property: StringEnum(typeof(PartyRole))] string Role);

/// <summary>A milestone of the agreement: what is delivered by when, the indicator targets agreed for it, and the tranche it releases.</summary>
internal sealed record MilestoneModel(int Ordinal, string Name, DateOnly DueOn, int? TrancheIndex, IReadOnlyList<string> Deliverables,
    IReadOnlyList<IndicatorTarget> IndicatorTargets);

/// <summary>One money movement; entry numbers run 1, 2, 3… per agreement and are never reused.</summary>
internal sealed record LedgerEntry(Guid Id, int EntryNo, [property: StringEnum(typeof(LedgerKind))] string Kind, long AmountFen, int? MilestoneIndex, string Reason, string ActorName, DateTimeOffset OccurredAt);

/// <summary>An R&amp;D agreement (合作研发协议) with its commitment, milestones, ledger and balances.</summary>
internal sealed record AgreementDetail(
    Guid Id,
    string Code,
    Guid ApplicationId,
    Guid ChallengeId,
    Guid BatchId,
    Guid IssuerOrganisationId,
    Guid LeadOrganisationId,
    IReadOnlyList<AgreementParty> Parties,
    long IssuerInvestmentFen,
    long ApplicantInvestmentFen,
    long JointInvestmentFen,
    int RatioBp,
    long CapFen,
    long CommitmentFen,
    IReadOnlyList<TrancheModel> Tranches,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<MilestoneModel> Milestones,
    [property: StringEnum(typeof(AgreementStatus))] string Status,
    DateTimeOffset SignedAt,
    string SignedBy,
    string? IssuerConfirmedBy,
    DateTimeOffset? IssuerConfirmedAt,
    Balances Balances,
    IReadOnlyList<LedgerEntry> Ledger,
    long VerifiedInvestmentFen,
    IReadOnlyList<ProgressReport> ProgressReports,
    IReadOnlyList<Procurement> Procurements,
    string? ProcurementWaiver,
    int Version);

internal sealed class ProcurementRow
{
    public Guid Id { get; set; }
    public string ContractDate { get; set; } = "";
    public long AmountFen { get; set; }
    public string Product { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A procurement contract of the issuer for the project's result.</summary>
internal sealed record Procurement(Guid Id, DateOnly ContractDate, long AmountFen, string Product, string RecordedBy, DateTimeOffset RecordedAt);
