using System.Data.Common;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Views;

/// <summary>A target agreed for one indicator of the challenge at a milestone (the agreement may sharpen the challenge's own).</summary>
internal sealed class IndicatorTarget
{
    /// <summary>The challenge indicator this target is for.</summary>
    public Guid IndicatorId { get; set; }
    /// <summary>The value to reach by the milestone, in the indicator's unit.</summary>
    public string Target { get; set; } = "";
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
internal sealed record LedgerEntry(Guid Id, int EntryNo, [property: StringEnum(typeof(LedgerKind))] string Kind, long AmountFen, int? MilestoneIndex,
    string Reason, string ActorName, DateTimeOffset OccurredAt);

/// <summary>A procurement contract of the issuer for the project's result.</summary>
internal sealed record Procurement(Guid Id, DateOnly ContractDate, long AmountFen, string Product, string RecordedBy, DateTimeOffset RecordedAt);

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
    int Version)
{
    /// <summary>The agreement as callers see it: its row with parties, milestones, ledger, balances, reports and procurements.</summary>
    public static async Task<AgreementDetail> LoadAsync(DbConnection connection, AgreementRow row, DbTransaction? tx = null)
    {
        var parties = (await AgreementStore.PartiesAsync(connection, row.Id, tx)).ToList();
        var milestones = await AgreementStore.MilestonesAsync(connection, row.Id, tx);
        var ledger = await AgreementStore.LedgerAsync(connection, row.Id, tx);
        var balance = await AgreementStore.BalanceAsync(connection, row.Id, tx);
        var reports = await ProgressStore.ModelsForAgreementAsync(connection, row.Id, tx);
        var verified = await ProgressStore.VerifiedInvestmentAsync(connection, row.Id, tx);
        var procurements = await AgreementStore.ProcurementsAsync(connection, row.Id, tx);
        return new AgreementDetail(row.Id, row.Code, row.ApplicationId, row.ChallengeId, row.BatchId, row.IssuerOrganisationId,
            row.LeadOrganisationId,
            parties.OrderBy(p => p.Role).ThenBy(p => p.OrganisationId).Select(p => new AgreementParty(p.OrganisationId, p.Role.ToString())).ToList(),
            row.IssuerInvestmentFen, row.ApplicantInvestmentFen, row.IssuerInvestmentFen + row.ApplicantInvestmentFen,
            row.RatioBp, row.CapFen, row.CommitmentFen, AgreementStore.ReadPlan(row.Tranches).Select(TrancheModel.From).ToList(),
            AgreementStore.ParseDay(row.StartsOn), AgreementStore.ParseDay(row.EndsOn),
            milestones.Select(m => new MilestoneModel(m.Ordinal, m.Name, AgreementStore.ParseDay(m.DueOn), m.TrancheIndex,
                AgreementStore.ReadList<string>(m.Deliverables), AgreementStore.ReadList<IndicatorTarget>(m.IndicatorTargets))).ToList(),
            row.Status.ToString(), row.SignedAt, row.SignedBy, row.IssuerConfirmedBy, row.IssuerConfirmedAt,
            new Balances(balance.CommittedFen, balance.PaidFen, balance.CommittedFen - balance.PaidFen),
            ledger.Select(l => new LedgerEntry(l.Id, l.EntryNo, l.Kind.ToString(), l.AmountFen, l.MilestoneIndex, l.Reason, l.ActorName, l.OccurredAt))
                .ToList(),
            verified, reports,
            procurements.Select(p => new Procurement(p.Id, AgreementStore.ParseDay(p.ContractDate), p.AmountFen, p.Product, p.RecordedBy, p.RecordedAt))
                .ToList(),
            row.ProcurementWaiver, row.Version);
    }

    /// <summary>Reads the agreement's row again and the rest of it, as it stands in this write.</summary>
    public static async Task<AgreementDetail> ReloadAsync(Platform.Writes.Write w, Guid id) =>
        await LoadAsync(w.Connection, (await AgreementStore.GetAsync(w.Connection, id, w.Transaction))!, w.Transaction);
}
