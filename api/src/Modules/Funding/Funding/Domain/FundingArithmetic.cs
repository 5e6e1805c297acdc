namespace Jiebang.Funding.Domain;

/// <summary>One step of a tranche plan: a whole percentage of the commitment, released at a milestone (0-based ordinal).</summary>
internal sealed record Tranche(int Percent, int MilestoneIndex);

/// <summary>What termination moves: the overpaid share recovered, and the unpaid commitment handed back to the batch budget.</summary>
internal sealed record TerminationSettlement(long ClawBackFen, long ReleaseFen);

/// <summary>Why a correction of the commitment is refused; None when it may be booked.</summary>
internal enum AdjustmentRefusal
{
    None,
    /// <summary>The commitment would fall below what has been paid (the remaining balance would be negative).</summary>
    BelowPaid,
    /// <summary>The commitment would exceed the cap per project fixed at signing.</summary>
    AboveCap,
    /// <summary>The batch budget cannot cover the increase.</summary>
    BudgetExhausted,
}

/// <summary>
/// The co-funding arithmetic (谁出题谁出资). Integer fen and basis points only; products are taken in 128 bits so no
/// amount a programme can hold overflows, and every division rounds half up to the fen.
/// </summary>
internal static class FundingArithmetic
{
    public const int FullRatioBp = 10_000;

    /// <summary>amount × numerator / denominator, rounded half up; all operands non-negative.</summary>
    public static long MulDivHalfUp(long amount, long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var product = (Int128)amount * numerator;
        return checked((long)((product + denominator / 2) / denominator));
    }

    /// <summary>ratio × investment, rounded half up to the fen.</summary>
    public static long Share(int ratioBp, long investmentFen) => MulDivHalfUp(investmentFen, ratioBp, FullRatioBp);

    /// <summary>Commitment = min(ratio × (issuer's + applicants' committed investment), cap per project).</summary>
    public static long Commitment(int ratioBp, long issuerInvestmentFen, long applicantInvestmentFen, long capFen) =>
        Math.Min(Share(ratioBp, checked(issuerInvestmentFen + applicantInvestmentFen)), capFen);

    /// <summary>The cumulative percentage of the plan released once the milestone at <paramref name="milestoneIndex"/> is verified.</summary>
    public static int CumulativePercent(IReadOnlyList<Tranche> plan, int milestoneIndex) =>
        plan.Where(t => t.MilestoneIndex <= milestoneIndex).Sum(t => t.Percent);

    /// <summary>
    /// What may still be paid: min(cumulative tranche % × commitment, ratio × verified cumulative investment) − already
    /// paid, never negative.
    /// </summary>
    public static long Payable(int cumulativePercent, long commitmentFen, int ratioBp, long verifiedInvestmentFen, long paidFen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cumulativePercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cumulativePercent, 100);
        var byPlan = MulDivHalfUp(commitmentFen, cumulativePercent, 100);
        var byInvestment = Share(ratioBp, verifiedInvestmentFen);
        return Math.Max(0, Math.Min(byPlan, byInvestment) - paidFen);
    }

    /// <summary>
    /// On termination the project keeps at most what its verified investment earned (ratio × verified, within the
    /// commitment); paid money above that is clawed back, and the commitment not paid out is released to the budget.
    /// </summary>
    public static TerminationSettlement Terminate(long commitmentFen, long paidFen, int ratioBp, long verifiedInvestmentFen)
    {
        var earned = Math.Min(commitmentFen, Share(ratioBp, verifiedInvestmentFen));
        return new TerminationSettlement(Math.Max(0, paidFen - earned), Math.Max(0, commitmentFen - paidFen));
    }

    /// <summary>
    /// Whether a signed correction of an agreement's commitment may be booked: the new commitment stays between what has
    /// been paid and the cap, and an increase fits in what the batch budget has left.
    /// </summary>
    public static AdjustmentRefusal Adjustment(long committedFen, long paidFen, long capFen, long batchAvailableFen, long amountFen)
    {
        var after = checked(committedFen + amountFen);
        if (after < paidFen)
        {
            return AdjustmentRefusal.BelowPaid;
        }
        if (after > capFen)
        {
            return AdjustmentRefusal.AboveCap;
        }
        return amountFen > batchAvailableFen ? AdjustmentRefusal.BudgetExhausted : AdjustmentRefusal.None;
    }

    /// <summary>Problems with a tranche plan (empty when it is sound): percentages 1–100 summing to exactly 100, milestones strictly ascending.</summary>
    public static IReadOnlyList<string> PlanProblems(IReadOnlyList<Tranche> plan)
    {
        var problems = new List<string>();
        if (plan.Count == 0)
        {
            problems.Add("分期计划不能为空 / The tranche plan must have at least one tranche");
            return problems;
        }
        if (plan.Any(t => t.Percent is < 1 or > 100))
        {
            problems.Add("每期比例须在 1 至 100 之间 / Each tranche percentage must be between 1 and 100");
        }
        else if (plan.Sum(t => t.Percent) != 100)
        {
            problems.Add("各期比例之和须恰为 100 / Tranche percentages must sum to exactly 100");
        }
        if (plan.Any(t => t.MilestoneIndex < 0))
        {
            problems.Add("里程碑序号不能为负 / A milestone index cannot be negative");
        }
        for (var i = 1; i < plan.Count; i++)
        {
            if (plan[i].MilestoneIndex <= plan[i - 1].MilestoneIndex)
            {
                problems.Add("各期所对应的里程碑序号须严格递增 / Tranche milestone indexes must be strictly ascending");
                break;
            }
        }
        return problems;
    }
}
