using Jiebang.Review.Domain;

namespace Jiebang.UnitTests.Review;

public sealed class ResultsCalculatorTests
{
    private static ScoreSheet Sheet(params decimal[] scores) =>
        new(Guid.NewGuid(), scores.Select((s, i) => (s, i)).ToDictionary(x => x.i + 1, x => x.s));

    private static readonly Criterion[] Weighted =
    [
        new(1, "技术先进性", 0.6m, 100, 60m),
        new(2, "可行性", 0.4m, 100, null),
    ];

    [Fact]
    public void Five_scores_drop_the_highest_and_lowest_total_and_the_rest_is_hand_computed()
    {
        // Totals 0.6a + 0.4b: 86, 66, 84, 56, 100. Trimmed: (66 + 84 + 86) / 3 = 78.666… → 78.67.
        // All five: mean 78.4, squared deviations 57.76 + 153.76 + 31.36 + 501.76 + 466.56 = 1211.2, /5 = 242.24, √ = 15.564… → 15.56.
        var x = new ItemScores(Guid.NewGuid(), [Sheet(90, 80), Sheet(70, 60), Sheet(80, 90), Sheet(60, 50), Sheet(100, 100)]);
        var r = Assert.Single(ResultsCalculator.Compute(Weighted, [x], 75m, 20m));
        Assert.Equal(5, r.Count);
        Assert.True(r.Trimmed);
        Assert.Equal(78.67m, r.TrimmedMean);
        Assert.Equal(15.56m, r.StandardDeviation);
        Assert.Equal(44m, r.Spread);
        Assert.True(r.SpreadFlag);
        Assert.Equal(80m, r.CriterionMeans[1]);
        Assert.Equal(76m, r.CriterionMeans[2]);
        Assert.True(r.Passed);
        Assert.Equal(1, r.Rank);
    }

    [Fact]
    public void Four_scores_are_not_trimmed_and_a_mean_below_the_threshold_fails()
    {
        // Totals: 50, 52, 51, 49 → 202 / 4 = 50.5; spread 3; criterion means 52.5 and 47.5.
        var y = new ItemScores(Guid.NewGuid(), [Sheet(50, 50), Sheet(60, 40), Sheet(55, 45), Sheet(45, 55)]);
        var r = Assert.Single(ResultsCalculator.Compute(Weighted, [y], 75m, 20m));
        Assert.False(r.Trimmed);
        Assert.Equal(50.5m, r.TrimmedMean);
        Assert.Equal(3m, r.Spread);
        Assert.False(r.SpreadFlag);
        Assert.Equal(52.5m, r.CriterionMeans[1]);
        Assert.Equal(47.5m, r.CriterionMeans[2]);
        Assert.False(r.Passed);
        Assert.Equal([1], r.FailedCriteria);
    }

    [Fact]
    public void A_criterion_below_its_threshold_fails_the_item_even_when_the_total_passes()
    {
        Criterion[] rubric = [new(1, "创新性", 1m, 50, 30m), new(2, "团队", 1m, 50, null)];
        // Totals 70 and 75 → 72.5 ≥ 60, but criterion 1 averages 22.5 < 30.
        var item = new ItemScores(Guid.NewGuid(), [Sheet(20, 50), Sheet(25, 50)]);
        var r = Assert.Single(ResultsCalculator.Compute(rubric, [item], 60m, 20m));
        Assert.Equal(72.5m, r.TrimmedMean);
        Assert.False(r.Passed);
        Assert.Equal([1], r.FailedCriteria);
        Assert.Equal(2.5m, r.StandardDeviation);
    }

    [Fact]
    public void Equal_means_share_a_rank_the_next_rank_skips_and_items_without_scores_are_unranked()
    {
        Criterion[] rubric = [new(1, "总分", 1m, 100, null)];
        var p = new ItemScores(Guid.NewGuid(), [Sheet(80), Sheet(90)]);
        var q = new ItemScores(Guid.NewGuid(), [Sheet(85)]);
        var r = new ItemScores(Guid.NewGuid(), [Sheet(70)]);
        var s = new ItemScores(Guid.NewGuid(), []);
        var results = ResultsCalculator.Compute(rubric, [r, s, q, p], 80m, 20m).ToDictionary(x => x.ItemId);
        Assert.Equal(1, results[p.ItemId].Rank);
        Assert.Equal(1, results[q.ItemId].Rank);
        Assert.Equal(3, results[r.ItemId].Rank);
        Assert.Null(results[s.ItemId].Rank);
        Assert.False(results[s.ItemId].Passed);
        Assert.Equal(0, results[s.ItemId].Count);
        Assert.True(results[p.ItemId].Passed);
        Assert.False(results[r.ItemId].Passed);
    }

    [Fact]
    public void Six_scores_drop_exactly_one_highest_and_one_lowest()
    {
        Criterion[] rubric = [new(1, "总分", 1m, 100, null)];
        // 10, 10, 50, 60, 90, 90 → drop one 10 and one 90 → (10 + 50 + 60 + 90) / 4 = 52.5
        var item = new ItemScores(Guid.NewGuid(), [Sheet(10), Sheet(90), Sheet(50), Sheet(10), Sheet(60), Sheet(90)]);
        Assert.Equal(52.5m, Assert.Single(ResultsCalculator.Compute(rubric, [item], 0m, 100m)).TrimmedMean);
    }

    [Fact]
    public void The_decimal_square_root_is_exact_enough()
    {
        Assert.Equal(1.41421356m, Math.Round(ResultsCalculator.Sqrt(2m), 8));
        Assert.Equal(12m, ResultsCalculator.Sqrt(144m));
        Assert.Equal(0m, ResultsCalculator.Sqrt(0m));
        Assert.Equal(0.5m, ResultsCalculator.Sqrt(0.25m));
    }
}
