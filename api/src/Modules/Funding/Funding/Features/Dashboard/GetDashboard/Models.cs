namespace Jiebang.Funding.Features.Dashboard.GetDashboard;

/// <summary>The programme dashboard (强链工程看板): consortia, awards, money, time to signing and procurement.</summary>
internal sealed record Dashboard(
    Guid ProgrammeId,
    string Code,
    string Name,
    ConsortiaFigures Consortia,
    IReadOnlyList<BatchFigures> Batches,
    IReadOnlyList<FieldFigures> Fields,
    Money Totals,
    MedianDays TimeToSigning,
    ProcurementRealised Procurement);

/// <summary>
/// Innovation consortia (联合创新体) formed against the programme's target: each issuer with a signed agreement leads one,
/// which its applicants join; also how many agreements have a consortium (lead and members) on the applicant side.
/// </summary>
internal sealed record ConsortiaFigures(int Formed, int Target, int TargetYear, int Agreements, int AgreementsWithApplicantConsortium);

/// <summary>Money in fen, summed from the ledger: committed, paid, and committed but not yet paid.</summary>
internal sealed record Money(long CommittedFen, long PaidFen, long RemainingFen)
{
    public static Money Of(IEnumerable<AgreementFigures> agreements)
    {
        var list = agreements as ICollection<AgreementFigures> ?? agreements.ToList();
        var committed = list.Sum(a => a.CommittedFen);
        var paid = list.Sum(a => a.PaidFen);
        return new Money(committed, paid, committed - paid);
    }
}

/// <summary>
/// A batch: its challenges published, awarded (揭榜成功, including those since completed or terminated), unawarded
/// (流榜) and still undecided; its budget (null without a funding policy) and the money its agreements hold.
/// </summary>
internal sealed record BatchFigures(Guid BatchId, string Code, string Name, int Published, int Awarded, int Unawarded, int Undecided,
    long? BudgetFen, Money Money);

/// <summary>A technology field of the awarded challenges, with its agreements' money.</summary>
internal sealed record FieldFigures(string Field, string NameZh, string NameEn, int Agreements, Money Money);

/// <summary>Median days from a challenge's publication to the signing of its agreement; null before any agreement.</summary>
internal sealed record MedianDays(int Agreements, decimal? Days);

/// <summary>Procurement contracts (纳入供应链) recorded by issuers for the programme's projects.</summary>
internal sealed record ProcurementRealised(int Projects, int Contracts, long AmountFen);
