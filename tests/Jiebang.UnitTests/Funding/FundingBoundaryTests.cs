using Jiebang.Funding.Domain;
using Jiebang.Platform.Errors;

namespace Jiebang.UnitTests.Funding;

/// <summary>
/// The edges of the co-funding arithmetic: exact halves, the guards on its operands, overflow refused rather than wrapped,
/// each limit of an adjustment and of a tranche plan exactly on it, and the problems the agreement steps answer with.
/// </summary>
public sealed class FundingBoundaryTests
{
    [Theory]
    [InlineData(1L, 1L, 2L, 1L)]     // 0.5 rounds up
    [InlineData(1L, 1L, 3L, 0L)]     // 0.33 rounds down
    [InlineData(2L, 1L, 3L, 1L)]     // 0.67 rounds up
    [InlineData(3L, 1L, 2L, 2L)]     // 1.5 rounds up
    [InlineData(5L, 1L, 4L, 1L)]     // 1.25 rounds down
    [InlineData(7L, 3L, 2L, 11L)]    // 10.5 rounds up
    [InlineData(0L, 5L, 7L, 0L)]
    [InlineData(10L, 0L, 7L, 0L)]
    [InlineData(9L, 5L, 1L, 45L)]
    public void MulDiv_rounds_half_up(long amount, long numerator, long denominator, long expected) =>
        Assert.Equal(expected, FundingArithmetic.MulDivHalfUp(amount, numerator, denominator));

    [Fact]
    public void MulDiv_refuses_negative_operands_and_a_zero_denominator()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingArithmetic.MulDivHalfUp(-1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingArithmetic.MulDivHalfUp(1, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingArithmetic.MulDivHalfUp(1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingArithmetic.MulDivHalfUp(1, 1, -1));
    }

    [Fact]
    public void A_result_beyond_64_bits_is_refused_never_wrapped()
    {
        Assert.Throws<OverflowException>(() => FundingArithmetic.MulDivHalfUp(long.MaxValue, 2, 1));
        Assert.Throws<OverflowException>(() => FundingArithmetic.Commitment(10_000, long.MaxValue, 1, long.MaxValue));
        Assert.Throws<OverflowException>(() => FundingArithmetic.Adjustment(long.MaxValue, 0, long.MaxValue, long.MaxValue, 1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Payable_refuses_a_cumulative_percentage_outside_0_to_100(int percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingArithmetic.Payable(percent, 1_000, 10_000, 1_000, 0));

    [Theory]
    [InlineData(0, 0L)]
    [InlineData(100, 1_000L)]
    public void Payable_accepts_both_ends_of_the_percentage(int percent, long expected) =>
        Assert.Equal(expected, FundingArithmetic.Payable(percent, 1_000, 10_000, 1_000, 0));

    [Fact]
    public void Payable_is_the_smaller_of_plan_and_investment_less_what_was_paid()
    {
        // By plan 500, by investment 300: 300 − 100 paid.
        Assert.Equal(200L, FundingArithmetic.Payable(50, 1_000, 5_000, 600, 100));
        // By plan 500, by investment 800: 500 − 100 paid.
        Assert.Equal(400L, FundingArithmetic.Payable(50, 1_000, 5_000, 1_600, 100));
        // Paid more than either: nothing, never negative.
        Assert.Equal(0L, FundingArithmetic.Payable(50, 1_000, 5_000, 1_600, 501));
        Assert.Equal(1L, FundingArithmetic.Payable(50, 1_000, 5_000, 1_600, 499));
    }

    [Fact]
    public void Termination_keeps_what_was_earned_within_the_commitment()
    {
        // Earned min(1000, 50% × 3000 = 1500) = 1000; paid 1200 → 200 back; nothing unpaid.
        Assert.Equal(new TerminationSettlement(200, 0), FundingArithmetic.Terminate(1_000, 1_200, 5_000, 3_000));
        // Earned min(1000, 50% × 800 = 400) = 400; paid 300 → nothing back; 700 released.
        Assert.Equal(new TerminationSettlement(0, 700), FundingArithmetic.Terminate(1_000, 300, 5_000, 800));
        // Paid exactly what was earned.
        Assert.Equal(new TerminationSettlement(0, 600), FundingArithmetic.Terminate(1_000, 400, 5_000, 800));
    }

    [Theory]
    // Committed 900, paid 240, cap 1200, budget 1000.
    [InlineData(300L, "None")]         // exactly the cap
    [InlineData(301L, "AboveCap")]
    [InlineData(-660L, "None")]        // exactly what was paid
    [InlineData(-661L, "BelowPaid")]
    [InlineData(0L, "None")]
    public void An_adjustment_may_reach_the_cap_and_the_paid_amount_exactly(long amount, string expected) =>
        Assert.Equal(Enum.Parse<AdjustmentRefusal>(expected), FundingArithmetic.Adjustment(900, 240, 1_200, 1_000, amount));

    [Fact]
    public void An_increase_may_take_exactly_the_budget_left()
    {
        Assert.Equal(AdjustmentRefusal.None, FundingArithmetic.Adjustment(900, 240, 1_200, 50, 50));
        Assert.Equal(AdjustmentRefusal.BudgetExhausted, FundingArithmetic.Adjustment(900, 240, 1_200, 50, 51));
        // Below paid is reported before the cap and the budget.
        Assert.Equal(AdjustmentRefusal.BelowPaid, FundingArithmetic.Adjustment(900, 240, 100, 0, -661));
    }

    private const string Empty = "分期计划不能为空 / The tranche plan must have at least one tranche";
    private const string Range = "每期比例须在 1 至 100 之间 / Each tranche percentage must be between 1 and 100";
    private const string Sum = "各期比例之和须恰为 100 / Tranche percentages must sum to exactly 100";
    private const string Negative = "里程碑序号不能为负 / A milestone index cannot be negative";
    private const string Ascending = "各期所对应的里程碑序号须严格递增 / Tranche milestone indexes must be strictly ascending";

    private static readonly (Tranche[] Plan, string[] Expected)[] Plans =
    [
        ([], [Empty]),
        ([new(100, 0)], []),
        ([new(1, 0), new(99, 1)], []),
        ([new(0, 0), new(100, 1)], [Range]),
        ([new(101, 0)], [Range]),
        ([new(-1, 0), new(101, 1)], [Range]),
        ([new(50, 0), new(49, 1)], [Sum]),
        ([new(50, 0), new(51, 1)], [Sum]),
        ([new(100, -1)], [Negative]),
        ([new(50, 0), new(50, 0)], [Ascending]),
        ([new(25, 0), new(25, 2), new(25, 1), new(25, 0)], [Ascending]),
        ([new(0, -1), new(50, -1)], [Range, Negative, Ascending]),
        ([new(50, 3), new(50, 7)], []),
    ];

    [Fact]
    public void Each_plan_problem_is_reported_once_and_only_when_it_applies()
    {
        foreach (var (plan, expected) in Plans)
        {
            Assert.Equal(expected, FundingArithmetic.PlanProblems(plan));
        }
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 40)]
    [InlineData(1, 70)]
    [InlineData(5, 100)]
    public void The_cumulative_percentage_counts_the_tranches_up_to_and_including_the_milestone(int milestone, int expected) =>
        Assert.Equal(expected, FundingArithmetic.CumulativePercent([new(40, 0), new(30, 1), new(30, 2)], milestone));

    [Fact]
    public void The_median_of_two_is_their_mean_and_of_one_itself()
    {
        Assert.Equal(1.5m, Median.Days([TimeSpan.FromDays(1), TimeSpan.FromDays(2)]));
        Assert.Equal(3m, Median.Days([TimeSpan.FromDays(3)]));
        // Middle ones 2 and 3 of four (unsorted input): 2.5.
        Assert.Equal(2.5m, Median.Days([TimeSpan.FromDays(9), TimeSpan.FromDays(3), TimeSpan.FromDays(1), TimeSpan.FromDays(2)]));
        // 1.05 days (half away from zero) → 1.1; 1.04 → 1.0.
        Assert.Equal(1.1m, Median.Days([TimeSpan.FromMinutes(1512)]));
        Assert.Equal(1.0m, Median.Days([TimeSpan.FromSeconds(89_856)]));
        // Two long durations: the sum is taken without overflow.
        Assert.Equal(TimeSpan.MaxValue.Days + 0m, Math.Floor(Median.Days([TimeSpan.MaxValue, TimeSpan.MaxValue])!.Value));
    }

    [Fact]
    public void The_agreement_refusals_carry_their_codes_and_both_languages()
    {
        var notActive = Problems.Describe(AgreementLifecycle.NotActive(AgreementStatus.Closed))!;
        Assert.Equal("funding.agreement_not_active", notActive.Code);
        Assert.Equal(409, notActive.Status);
        // The state as a person reads it, never the enum's name.
        Assert.Contains("已结项", notActive.Detail);
        Assert.Contains("closed", notActive.Detail);
        Assert.DoesNotContain("Closed", notActive.Detail);
        Bilingual(notActive.Detail);
        var decided = Problems.Describe(ProgressReview.Refusal(ProgressReportStatus.Verified, AgreementStatus.Active)!)!;
        Assert.Equal("funding.report_already_decided", decided.Code);
        Bilingual(decided.Detail);
        var inactive = Problems.Describe(ProgressReview.Refusal(ProgressReportStatus.Submitted, AgreementStatus.Terminated)!)!;
        Assert.Equal("funding.agreement_not_active", inactive.Code);
    }

    [Fact]
    public void Every_step_is_allowed_exactly_where_the_lifecycle_says()
    {
        var allowed = new Dictionary<AgreementStep, AgreementStatus[]>
        {
            [AgreementStep.ConfirmByIssuer] = [AgreementStatus.Active],
            [AgreementStep.ReportProgress] = [AgreementStatus.Active],
            [AgreementStep.DecideProgressReport] = [AgreementStatus.Active],
            [AgreementStep.AdjustCommitment] = [AgreementStatus.Active, AgreementStatus.Completed],
            [AgreementStep.PayTranche] = [AgreementStatus.Active, AgreementStatus.Completed],
            [AgreementStep.Terminate] = [AgreementStatus.Active],
            [AgreementStep.PassAcceptance] = [AgreementStatus.Active],
            [AgreementStep.FailAcceptance] = [AgreementStatus.Active],
            [AgreementStep.RecordProcurement] = [AgreementStatus.Completed],
            [AgreementStep.Close] = [AgreementStatus.Completed],
        };
        foreach (var (step, states) in allowed)
        {
            Assert.Equal(states, Enum.GetValues<AgreementStatus>().Where(s => AgreementLifecycle.Allows(s, step)));
        }
    }

    internal static void Bilingual(string? detail)
    {
        var parts = detail!.Split(" / ");
        Assert.Equal(2, parts.Length);
        Assert.All(parts, p => Assert.False(string.IsNullOrWhiteSpace(p), detail));
    }
}
