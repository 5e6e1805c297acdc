using Jiebang.Review.Domain;

namespace Jiebang.UnitTests.Review;

/// <summary>
/// Each threshold of <see cref="ResultsCalculator"/> with data exactly on it and one hundredth off it: reaching the pass
/// threshold or a criterion's threshold is enough; the spread flags only above its limit.
/// </summary>
public sealed class ResultsBoundaryTests
{
    private static readonly Criterion[] Rubric = [new(1, "技术先进性", 1m, 100, 60m), new(2, "可行性", 1m, 100, null)];

    private static decimal D(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static ItemResult One(decimal passThreshold, decimal spreadLimit, params (decimal First, decimal Second)[] sheets) =>
        Assert.Single(ResultsCalculator.Compute(Rubric, [new ItemScores(Guid.NewGuid(),
            sheets.Select(s => new ScoreSheet(Guid.NewGuid(), new Dictionary<int, decimal> { [1] = s.First, [2] = s.Second })).ToList())],
            passThreshold, spreadLimit));

    [Theory]
    [InlineData("120", true)]
    [InlineData("120.01", false)]
    public void A_trimmed_mean_that_reaches_the_pass_threshold_passes_and_one_a_hundredth_below_fails(string passThreshold, bool passed)
    {
        // Totals 110 and 130: mean 120; criterion 1 mean 65 clears its threshold.
        var r = One(D(passThreshold), 100m, (60m, 50m), (70m, 60m));
        Assert.Equal(120m, r.TrimmedMean);
        Assert.Empty(r.FailedCriteria);
        Assert.Equal(passed, r.Passed);
    }

    [Theory]
    [InlineData("60", "60", true)]
    [InlineData("60", "59.98", false)]
    public void A_criterion_mean_that_reaches_its_threshold_passes_and_one_a_hundredth_below_fails(string first, string second, bool passed)
    {
        // Criterion 1 scores 60 and 60 average 60; 60 and 59.98 average 59.99.
        var r = One(0m, 100m, (D(first), 100m), (D(second), 100m));
        Assert.Equal(passed ? 60m : 59.99m, r.CriterionMeans[1]);
        Assert.Equal(passed ? Array.Empty<int>() : new[] { 1 }, r.FailedCriteria);
        Assert.Equal(passed, r.Passed);
    }

    [Theory]
    [InlineData("20", false)]
    [InlineData("19.99", true)]
    public void A_spread_equal_to_the_limit_is_not_flagged_and_one_above_it_is(string spreadLimit, bool flagged)
    {
        // Totals 150 and 170: spread 20.
        var r = One(0m, D(spreadLimit), (70m, 80m), (90m, 80m));
        Assert.Equal(20m, r.Spread);
        Assert.Equal(flagged, r.SpreadFlag);
        Assert.True(r.Passed);
    }
}
