using Jiebang.Funding.Data;

namespace Jiebang.Funding.Views;

/// <summary>A batch's funding policy with the budget balances computed from the ledger; IsDemo marks made-up demo figures.</summary>
internal sealed record FundingPolicy(
    Guid BatchId,
    int RatioBp,
    long CapPerProjectFen,
    long TotalBudgetFen,
    IReadOnlyList<TrancheModel> Tranches,
    long CommittedFen,
    long PaidFen,
    long AvailableFen,
    bool IsDemo,
    int Version)
{
    public static FundingPolicy From(PolicyRow row, BalanceRow balance) => new(row.BatchId, row.RatioBp, row.CapPerProjectFen, row.TotalBudgetFen,
        row.Plan().Select(TrancheModel.From).ToList(), balance.CommittedFen, balance.PaidFen, row.TotalBudgetFen - balance.CommittedFen, row.IsDemo,
        row.Version);
}
