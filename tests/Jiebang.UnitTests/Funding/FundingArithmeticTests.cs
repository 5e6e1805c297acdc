using Jiebang.Funding.Domain;

namespace Jiebang.UnitTests.Funding;

public sealed class FundingArithmeticTests
{
    [Theory]
    // 30% of 10,000.00 + 20,000.00 yuan = 9,000.00 yuan, under the cap.
    [InlineData(3000, 1_000_000L, 2_000_000L, 100_000_000L, 900_000L)]
    // The cap wins: 30% of 5,000万 = 1,500万, capped at 1,000万.
    [InlineData(3000, 200_000_000L, 300_000_000L, 100_000_000L, 100_000_000L)]
    // Exactly at the cap.
    [InlineData(5000, 100_000_000L, 100_000_000L, 100_000_000L, 100_000_000L)]
    // 33.33% of 1.50 yuan = 49.995 fen → 50 fen (half up).
    [InlineData(3333, 100L, 50L, 1_000L, 50L)]
    // 33.33% of 1.49 yuan = 49.6617 fen → 50; of 1.48 yuan = 49.3284 fen → 49.
    [InlineData(3333, 100L, 49L, 1_000L, 50L)]
    [InlineData(3333, 100L, 48L, 1_000L, 49L)]
    // 0.01% of 0.05 yuan = 0.0005 fen → 0; of 0.50 yuan = 0.005 → 0; of 5,000 fen = 0.5 fen → 1 (half up, not to even).
    [InlineData(1, 5L, 0L, 1_000L, 0L)]
    [InlineData(1, 5_000L, 0L, 1_000L, 1L)]
    [InlineData(1, 15_000L, 0L, 1_000L, 2L)]
    // 25% of 2.50 fen-level odd amounts: 10 fen × 25% = 2.5 → 3.
    [InlineData(2500, 6L, 4L, 1_000L, 3L)]
    // Full ratio and zero ratio.
    [InlineData(10_000, 123L, 456L, 10_000L, 579L)]
    [InlineData(0, 123L, 456L, 10_000L, 0L)]
    public void Commitment_is_the_ratio_of_the_joint_investment_rounded_half_up_and_capped(int ratioBp, long issuer, long applicants, long cap, long expected) =>
        Assert.Equal(expected, FundingArithmetic.Commitment(ratioBp, issuer, applicants, cap));

    [Fact]
    public void Amounts_far_beyond_a_programme_do_not_overflow_in_the_product()
    {
        // 9 × 10^17 fen × 10,000 bp would overflow 64 bits; the 128-bit product does not.
        Assert.Equal(450_000_000_000_000_000L, FundingArithmetic.Commitment(5000, 900_000_000_000_000_000L, 0, long.MaxValue));
    }

    private static readonly Tranche[] FortyThirtyThirty = [new(40, 0), new(30, 1), new(30, 2)];

    [Theory]
    [InlineData(0, 40)]
    [InlineData(1, 70)]
    [InlineData(2, 100)]
    [InlineData(3, 100)]
    public void The_cumulative_percentage_counts_every_tranche_up_to_the_milestone(int milestone, int expected) =>
        Assert.Equal(expected, FundingArithmetic.CumulativePercent(FortyThirtyThirty, milestone));

    [Theory]
    // Commitment 900,000 fen at 30%; first tranche 40% = 360,000. Verified 2,000,000 → 600,000 by investment: plan limits.
    [InlineData(40, 900_000L, 3000, 2_000_000L, 0L, 360_000L)]
    // Partial verification: only 1,000,000 verified → 300,000 by investment, below the plan's 360,000.
    [InlineData(40, 900_000L, 3000, 1_000_000L, 0L, 300_000L)]
    // Later, 70% = 630,000; verified 1,500,000 → 450,000; 300,000 already paid → 150,000.
    [InlineData(70, 900_000L, 3000, 1_500_000L, 300_000L, 150_000L)]
    // 100% with full verification: the rest of the commitment.
    [InlineData(100, 900_000L, 3000, 3_000_000L, 630_000L, 270_000L)]
    // Verification above the commitment's base never pays past 100% of the commitment.
    [InlineData(100, 900_000L, 3000, 9_000_000L, 900_000L, 0L)]
    // Paid more than the verified share allows (verified amount later corrected downwards): nothing, never negative.
    [InlineData(70, 900_000L, 3000, 500_000L, 300_000L, 0L)]
    // Rounding both limits half up: 33% of 1,001 fen = 330.33 → 330; 33.33% of 1,000 = 333.3 → 333; min 330.
    [InlineData(33, 1_001L, 3333, 1_000L, 0L, 330L)]
    // 50% of 1,001 fen = 500.5 → 501.
    [InlineData(50, 1_001L, 10_000, 5_000L, 0L, 501L)]
    public void A_tranche_pays_the_lesser_of_plan_and_verified_share_less_what_was_paid(int cumulativePercent, long commitment, int ratioBp,
        long verified, long paid, long expected) =>
        Assert.Equal(expected, FundingArithmetic.Payable(cumulativePercent, commitment, ratioBp, verified, paid));

    [Theory]
    // Commitment 900,000, paid 360,000, verified 1,000,000 at 30% → earned 300,000: claw back 60,000, release 540,000 unpaid.
    [InlineData(900_000L, 360_000L, 3000, 1_000_000L, 60_000L, 540_000L)]
    // Verified covers what was paid: nothing clawed back, unpaid 540,000 released.
    [InlineData(900_000L, 360_000L, 3000, 1_200_000L, 0L, 540_000L)]
    // Nothing paid, nothing verified: the whole commitment goes back.
    [InlineData(900_000L, 0L, 3000, 0L, 0L, 900_000L)]
    // Everything paid but nothing verified: all of it clawed back, nothing left to release.
    [InlineData(900_000L, 900_000L, 3000, 0L, 900_000L, 0L)]
    // Verified far above: earned is bounded by the commitment, so a fully paid project keeps it all.
    [InlineData(900_000L, 900_000L, 3000, 9_000_000L, 0L, 0L)]
    // Half-up on the earned share: 33.33% of 1,000 fen = 333.3 → 333; paid 334 → claw back 1.
    [InlineData(1_000L, 334L, 3333, 1_000L, 1L, 666L)]
    public void Termination_claws_back_overpayment_and_releases_the_unpaid_commitment(long commitment, long paid, int ratioBp, long verified,
        long clawBack, long release)
    {
        var settlement = FundingArithmetic.Terminate(commitment, paid, ratioBp, verified);
        Assert.Equal(new TerminationSettlement(clawBack, release), settlement);
        // What the project keeps, what is clawed back and what is released add up to the commitment.
        Assert.Equal(commitment, (paid - settlement.ClawBackFen) + settlement.ClawBackFen + settlement.ReleaseFen);
    }

    [Fact]
    public void A_plan_must_sum_to_exactly_100_with_ascending_milestones()
    {
        Assert.Empty(FundingArithmetic.PlanProblems(FortyThirtyThirty));
        Assert.Empty(FundingArithmetic.PlanProblems([new Tranche(100, 0)]));
        Assert.NotEmpty(FundingArithmetic.PlanProblems([]));
        Assert.NotEmpty(FundingArithmetic.PlanProblems([new Tranche(40, 0), new Tranche(30, 1), new Tranche(29, 2)]));
        Assert.NotEmpty(FundingArithmetic.PlanProblems([new Tranche(40, 0), new Tranche(30, 1), new Tranche(31, 2)]));
        Assert.NotEmpty(FundingArithmetic.PlanProblems([new Tranche(0, 0), new Tranche(100, 1)]));
        Assert.NotEmpty(FundingArithmetic.PlanProblems([new Tranche(50, 1), new Tranche(50, 1)]));
        Assert.NotEmpty(FundingArithmetic.PlanProblems([new Tranche(50, 2), new Tranche(50, 1)]));
        Assert.NotEmpty(FundingArithmetic.PlanProblems([new Tranche(50, -1), new Tranche(50, 1)]));
    }

    [Theory]
    // Committed 900,000, paid 240,000, cap 1,200,000, batch has 100,000 left.
    [InlineData(-660_000L, "None")]      // down to exactly what was paid
    [InlineData(-660_001L, "BelowPaid")] // the remaining balance would be −1
    [InlineData(100_000L, "None")]       // takes the last of the budget
    [InlineData(100_001L, "BudgetExhausted")]
    [InlineData(300_001L, "AboveCap")]   // 1,200,001 > cap, whatever the budget says
    public void An_adjustment_keeps_the_commitment_between_paid_and_cap_and_within_the_budget(long amount, string expected)
    {
        Assert.Equal(Enum.Parse<AdjustmentRefusal>(expected), FundingArithmetic.Adjustment(900_000L, 240_000L, 1_200_000L, 100_000L, amount));
    }

    [Fact]
    public void The_median_wait_is_the_middle_one_or_the_mean_of_the_two_middle_ones_in_days()
    {
        Assert.Null(Median.Days([]));
        Assert.Equal(10m, Median.Days([TimeSpan.FromDays(30), TimeSpan.FromDays(10), TimeSpan.FromDays(2)]));
        // (10 + 11) / 2 = 10.5; 1 day 6 hours = 1.25 → 1.3 (half away from zero).
        Assert.Equal(10.5m, Median.Days([TimeSpan.FromDays(11), TimeSpan.FromDays(2), TimeSpan.FromDays(10), TimeSpan.FromDays(40)]));
        Assert.Equal(1.3m, Median.Days([TimeSpan.FromHours(30)]));
    }
}
