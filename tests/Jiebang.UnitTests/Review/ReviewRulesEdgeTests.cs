using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.UnitTests.Funding;
using Microsoft.AspNetCore.Http;

namespace Jiebang.UnitTests.Review;

/// <summary>
/// The edges of the review rules the other tests do not reach: hundredths and half-way rounding, the trim exactly at
/// <see cref="ResultsCalculator.TrimFrom"/>, ties in the order of results, the scoring guard's order of refusals and
/// codes, the round's state refusals, hand-assignment limits exactly on them, and why an item is short.
/// </summary>
public sealed class ReviewRulesEdgeTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "0.01")]
    [InlineData(8550, "85.5")]
    [InlineData(-250, "-2.5")]
    public void Hundredths_become_decimals(int stored, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Hundredths.From(stored));

    [Theory]
    [InlineData("85.5", 8550)]
    [InlineData("0.01", 1)]
    [InlineData("0.005", 1)]      // half a hundredth rounds away from zero
    [InlineData("0.015", 2)]      // not to even
    [InlineData("0.0049", 0)]
    [InlineData("-0.005", -1)]
    public void Decimals_become_hundredths_rounding_half_away_from_zero(string value, int expected) =>
        Assert.Equal(expected, Hundredths.To(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("85", true)]
    [InlineData("85.5", true)]
    [InlineData("85.55", true)]
    [InlineData("85.555", false)]
    [InlineData("0.001", false)]
    public void At_most_two_decimal_places(string value, bool expected) =>
        Assert.Equal(expected, Hundredths.HasAtMostTwoPlaces(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Round_is_half_away_from_zero_to_two_places()
    {
        Assert.Equal(0.01m, ResultsCalculator.Round(0.005m));
        Assert.Equal(0.03m, ResultsCalculator.Round(0.025m));
        Assert.Equal(-0.03m, ResultsCalculator.Round(-0.025m));
        Assert.Equal(78.67m, ResultsCalculator.Round(78.666m));
    }

    [Fact]
    public void The_trim_starts_at_exactly_five_totals()
    {
        Assert.Equal(5, ResultsCalculator.TrimFrom);
        // Four: no trim, (0 + 10 + 20 + 100) / 4 = 32.5. Five: drop 0 and 100, (10 + 20 + 30) / 3 = 20.
        Assert.Equal(32.5m, ResultsCalculator.TrimmedMean([100m, 0m, 20m, 10m]));
        Assert.Equal(20m, ResultsCalculator.TrimmedMean([100m, 0m, 20m, 10m, 30m]));
        Assert.Equal(7m, ResultsCalculator.TrimmedMean([7m]));
    }

    [Fact]
    public void The_standard_deviation_is_the_population_one()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population variance 4, deviation 2 (the sample one would be 2.14).
        Assert.Equal(2m, ResultsCalculator.StandardDeviation([2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m]));
        Assert.Equal(0m, ResultsCalculator.StandardDeviation([3m, 3m]));
    }

    [Fact]
    public void The_square_root_refuses_negatives_and_converges_below_and_above_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResultsCalculator.Sqrt(-0.01m));
        Assert.Equal(0.1m, Math.Round(ResultsCalculator.Sqrt(0.01m), 20));
        Assert.Equal(1m, ResultsCalculator.Sqrt(1m));
        Assert.Equal(1000m, Math.Round(ResultsCalculator.Sqrt(1_000_000m), 20));
        Assert.Equal(1.73205080756887729353m, Math.Round(ResultsCalculator.Sqrt(3m), 20));
        Assert.Equal(0.0001m, Math.Round(ResultsCalculator.Sqrt(0.00000001m), 20));
    }

    [Fact]
    public void A_total_is_the_weighted_sum_and_a_missing_score_counts_zero()
    {
        Criterion[] rubric = [new(1, "a", 0.6m, 100, null), new(2, "b", 0.4m, 100, null), new(3, "c", 2m, 10, null)];
        var sheet = new ScoreSheet(Guid.NewGuid(), new Dictionary<int, decimal> { [1] = 50m, [3] = 5m });
        Assert.Equal(40m, ResultsCalculator.WeightedTotal(rubric, sheet));
    }

    [Fact]
    public void Results_list_ranked_items_first_ties_by_item_id_then_unscored_items_by_id()
    {
        Criterion[] rubric = [new(1, "总分", 1m, 100, null)];
        var ids = Enumerable.Range(1, 5).Select(i => new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0])).ToArray();
        ScoreSheet One(decimal s) => new(Guid.NewGuid(), new Dictionary<int, decimal> { [1] = s });
        var items = new[]
        {
            new ItemScores(ids[4], []),
            new ItemScores(ids[3], [One(60)]),
            new ItemScores(ids[2], [One(90)]),
            new ItemScores(ids[1], [One(90)]),
            new ItemScores(ids[0], []),
        };
        var results = ResultsCalculator.Compute(rubric, items, 0m, 100m);
        Assert.Equal([ids[1], ids[2], ids[3], ids[0], ids[4]], results.Select(r => r.ItemId));
        Assert.Equal([1, 1, 3, null, null], results.Select(r => r.Rank));
        var empty = results[3];
        Assert.Null(empty.TrimmedMean);
        Assert.Null(empty.StandardDeviation);
        Assert.Null(empty.Spread);
        Assert.Empty(empty.CriterionMeans);
        Assert.Empty(empty.FailedCriteria);
        Assert.False(empty.Trimmed);
        Assert.False(empty.SpreadFlag);
        Assert.False(results[2].Trimmed);
        Assert.Equal(1, results[2].Count);
    }

    [Fact]
    public void A_mean_rounded_up_onto_the_threshold_passes_because_the_rounded_figure_decides()
    {
        Criterion[] rubric = [new(1, "总分", 1m, 100, 60m)];
        ScoreSheet One(decimal s) => new(Guid.NewGuid(), new Dictionary<int, decimal> { [1] = s });
        // 59.995 and 60 average 59.9975, shown and judged as 60.00.
        var r = Assert.Single(ResultsCalculator.Compute(rubric, [new ItemScores(Guid.NewGuid(), [One(59.995m), One(60m)])], 60m, 100m));
        Assert.Equal(60m, r.TrimmedMean);
        Assert.Equal(60m, r.CriterionMeans[1]);
        Assert.True(r.Passed);
    }

    private static ApiProblem P(IResult? result) => Problems.Describe(Assert.IsAssignableFrom<IResult>(result))!;

    [Fact]
    public void The_scoring_guard_refuses_in_order_ended_locked_closed()
    {
        var ended = P(ScoringGuard.Refusal(AssignmentStatus.Declined, ScoreStatus.Submitted, ReviewRoundStatus.Closed, false));
        Assert.Equal("review.assignment_ended", ended.Code);
        Assert.Equal(409, ended.Status);
        FundingBoundaryTests.Bilingual(ended.Detail);
        var locked = P(ScoringGuard.Refusal(AssignmentStatus.Active, ScoreStatus.Submitted, ReviewRoundStatus.Closed, false));
        Assert.Equal("review.score_locked", locked.Code);
        FundingBoundaryTests.Bilingual(locked.Detail);
        var closed = P(ScoringGuard.Refusal(AssignmentStatus.Active, ScoreStatus.Draft, ReviewRoundStatus.Closed, true));
        Assert.Equal("review.scoring_closed", closed.Code);
        FundingBoundaryTests.Bilingual(closed.Detail);
        Assert.Equal("review.scoring_closed", P(ScoringGuard.Refusal(AssignmentStatus.Active, ScoreStatus.None, ReviewRoundStatus.Scoring, false)).Code);
        Assert.Null(ScoringGuard.Refusal(AssignmentStatus.Active, ScoreStatus.None, ReviewRoundStatus.Scoring, true));
        Assert.Null(ScoringGuard.Refusal(AssignmentStatus.Active, ScoreStatus.Draft, ReviewRoundStatus.Scoring, true));
    }

    [Fact]
    public void An_assignment_ends_only_while_active_and_unlocked()
    {
        foreach (var status in new[] { AssignmentStatus.Declined, AssignmentStatus.Recused, AssignmentStatus.Removed })
        {
            var ended = P(ScoringGuard.EndRefusal(status, ScoreStatus.None, "谢绝"));
            Assert.Equal("review.assignment_ended", ended.Code);
            FundingBoundaryTests.Bilingual(ended.Detail);
        }
        var locked = P(ScoringGuard.EndRefusal(AssignmentStatus.Active, ScoreStatus.Submitted, "回避"));
        Assert.Equal("review.score_locked", locked.Code);
        Assert.Equal("评分已提交，不能回避 / The score sheet is submitted and locked; the assignment cannot end", locked.Detail);
        Assert.Null(ScoringGuard.EndRefusal(AssignmentStatus.Active, ScoreStatus.Draft, "谢绝"));
        Assert.Null(ScoringGuard.EndRefusal(AssignmentStatus.Active, ScoreStatus.None, "谢绝"));
    }

    [Fact]
    public void Hand_assignment_refusals_carry_their_codes()
    {
        var org = Guid.NewGuid();
        var expert = new PoolExpert(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, null,
            new HashSet<Guid> { org }, 0, [new PersonRef("王明", null)]);
        var none = new HashSet<Guid>();
        var inactive = P(HandAssignment.Refusal(false, expert, new HashSet<Guid> { org }, [], true));
        Assert.Equal("review.expert_inactive", inactive.Code);
        FundingBoundaryTests.Bilingual(inactive.Detail);
        var conflicted = P(HandAssignment.Refusal(true, expert, new HashSet<Guid> { org }, [], true));
        Assert.Equal("review.expert_conflicted", conflicted.Code);
        FundingBoundaryTests.Bilingual(conflicted.Detail);
        Assert.Equal("review.expert_conflicted", P(HandAssignment.Refusal(true, expert, none, [new PersonRef("王 明", Guid.NewGuid())], false)).Code);
        var again = P(HandAssignment.Refusal(true, expert, none, [new PersonRef("李娜", null)], true));
        Assert.Equal("review.already_assigned", again.Code);
        FundingBoundaryTests.Bilingual(again.Detail);
    }

    [Theory]
    [InlineData(9, 10, 4, 5, "")]
    [InlineData(10, 10, 4, 5, "OverMaxLoad")]
    [InlineData(11, 10, 4, 5, "OverMaxLoad")]
    [InlineData(9, 10, 5, 5, "OverCount")]
    [InlineData(9, 10, 6, 5, "OverCount")]
    public void Hand_assignment_departs_from_load_and_count_from_exactly_their_limits(int load, int maxLoad, int onItem, int perItem, string expected)
    {
        var expert = new PoolExpert(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, null, new HashSet<Guid>(), 0, []);
        Assert.Equal(expected.Length == 0 ? [] : [expected],
            HandAssignment.Departures(expert, ChallengeField.NewMaterials, load, maxLoad, onItem, perItem));
    }

    [Fact]
    public void A_step_from_the_wrong_state_is_refused_with_the_round_state_code()
    {
        RoundLifecycle.Close.RequireFrom(ReviewRoundStatus.Scoring);
        var refused = Assert.Throws<WriteRefused>(() => RoundLifecycle.Close.RequireFrom(ReviewRoundStatus.Assigning));
        var problem = Problems.Describe(refused.Problem)!;
        Assert.Equal("review.round_invalid_state", problem.Code);
        Assert.Equal("论证轮次当前状态（Assigning）不允许结束评分 / A round in state Assigning does not allow this", problem.Detail);
        RoundLifecycle.Require(ReviewRoundStatus.Draft, RoundLifecycle.IsEditable, "修改");
        var edit = Assert.Throws<WriteRefused>(() => RoundLifecycle.Require(ReviewRoundStatus.Scoring, RoundLifecycle.IsEditable, "修改"));
        Assert.Equal("论证轮次当前状态（Scoring）不允许修改 / A round in state Scoring does not allow this", Problems.Describe(edit.Problem)!.Detail);
    }

    [Fact]
    public void The_steps_carry_their_names_for_the_state_error_and_the_audit_log()
    {
        Assert.Equal(("开始评分", "OpenScoring"), (RoundLifecycle.OpenScoring.ActionZh, RoundLifecycle.OpenScoring.Audit));
        Assert.Equal(("结束评分", "Close"), (RoundLifecycle.Close.ActionZh, RoundLifecycle.Close.Audit));
        Assert.Equal(("确定决定", "Decided"), (RoundLifecycle.Decide.ActionZh, RoundLifecycle.Decide.Audit));
        Assert.Equal(("公示", "Publicise"), (RoundLifecycle.Publicise.ActionZh, RoundLifecycle.Publicise.Audit));
        Assert.Equal(("定案", "Finalise"), (RoundLifecycle.Finalise.ActionZh, RoundLifecycle.Finalise.Audit));
    }

    [Fact]
    public void A_decided_round_is_past_scoring_and_not_yet_published()
    {
        Assert.True(RoundLifecycle.IsPastScoring(ReviewRoundStatus.Decided));
        Assert.False(RoundLifecycle.IsPublished(ReviewRoundStatus.Decided));
        Assert.False(RoundLifecycle.TakesDeclines(ReviewRoundStatus.Decided));
        Assert.False(RoundLifecycle.TakesDeclines(ReviewRoundStatus.Draft));
    }

    [Fact]
    public void An_expert_is_conflicted_by_its_affiliation_a_declared_organisation_or_a_declared_person()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var expert = new PoolExpert(Guid.NewGuid(), new HashSet<ChallengeField>(), a, new HashSet<Guid> { b }, 0, [new PersonRef("张三", c)]);
        Assert.True(expert.IsConflictedWith(new HashSet<Guid> { a }, []));
        Assert.True(expert.IsConflictedWith(new HashSet<Guid> { b }, []));
        Assert.True(expert.IsConflictedWith(new HashSet<Guid>(), [new PersonRef("张 三", c)]));
        Assert.False(expert.IsConflictedWith(new HashSet<Guid> { c }, [new PersonRef("张三", a)]));
        var unaffiliated = expert with { AffiliationOrganisationId = null };
        Assert.False(unaffiliated.IsConflictedWith(new HashSet<Guid> { a }, []));
    }

    [Fact]
    public void Explain_counts_the_field_the_conflicts_and_the_full_experts()
    {
        var org = Guid.NewGuid();
        var excluded = Guid.NewGuid();
        PoolExpert E(int load, Guid? affiliation = null, ChallengeField field = ChallengeField.NewMaterials, Guid? id = null) =>
            new(id ?? Guid.NewGuid(), new HashSet<ChallengeField> { field }, affiliation, new HashSet<Guid>(), load, []);
        var experts = new[]
        {
            E(0), E(2), E(3), E(1, org), E(0, field: ChallengeField.Biomedicine), E(0, id: excluded),
        };
        var item = new AssignmentItem(Guid.NewGuid(), ChallengeField.NewMaterials, new HashSet<Guid> { org }, new HashSet<Guid> { excluded }, 3, []);
        var s = AssignmentPlanner.Explain(item, experts, 2);
        // In the field and not excluded: loads 0, 2, 3 and the conflicted one; available: only load 0 (< 2); full: loads 2 and 3.
        Assert.Equal((3, 1, 4, 1, 2), (s.Needed, s.Available, s.FieldMatches, s.Conflicted, s.AtMaxLoad));
        Assert.Equal("需要 3 名专家，仅有 1 名可用（同领域 4 名，其中有利益冲突 1 名、已达评审上限 2 名） / " +
                     "3 experts needed, 1 available (4 in the field, 1 conflicted, 2 at the maximum load)", s.Reason);
    }

    [Fact]
    public void The_planner_skips_items_that_need_nobody_and_serves_the_scarcest_item_first()
    {
        var (x, y) = (Guid.NewGuid(), Guid.NewGuid());
        var only = new PoolExpert(new Guid(1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]), new HashSet<ChallengeField> { ChallengeField.NewMaterials, ChallengeField.Biomedicine },
            null, new HashSet<Guid>(), 0, []);
        var second = new PoolExpert(new Guid(2, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]), new HashSet<ChallengeField> { ChallengeField.NewMaterials },
            null, new HashSet<Guid>(), 0, []);
        // y (biomedicine) has one suitable expert, x two; with a load of one each, y must go first to be served.
        var items = new[]
        {
            new AssignmentItem(x, ChallengeField.NewMaterials, new HashSet<Guid>(), new HashSet<Guid>(), 1, []),
            new AssignmentItem(y, ChallengeField.Biomedicine, new HashSet<Guid>(), new HashSet<Guid>(), 1, []),
            new AssignmentItem(Guid.NewGuid(), ChallengeField.NewMaterials, new HashSet<Guid>(), new HashSet<Guid>(), 0, []),
        };
        var plan = AssignmentPlanner.Plan(items, [second, only], 1);
        Assert.Empty(plan.Short);
        Assert.Equal([new Assigned(y, only.ExpertId), new Assigned(x, second.ExpertId)], plan.Assignments);
    }

    [Fact]
    public void Short_items_are_listed_by_item_id()
    {
        var ids = Enumerable.Range(1, 3).Select(i => new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0])).ToArray();
        var items = new[] { ids[2], ids[0], ids[1] }
            .Select(id => new AssignmentItem(id, ChallengeField.Biomedicine, new HashSet<Guid>(), new HashSet<Guid>(), 1, [])).ToArray();
        var plan = AssignmentPlanner.Plan(items, [], 5);
        Assert.Empty(plan.Assignments);
        Assert.Equal(ids, plan.Short.Select(s => s.ItemId));
    }
}
