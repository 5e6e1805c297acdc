namespace Jiebang.Review.Domain;

/// <summary>A rubric criterion: its weight in the total, its maximum score and an optional minimum mean to pass.</summary>
internal sealed record Criterion(int Ordinal, string Name, decimal Weight, int MaxScore, decimal? Threshold);

/// <summary>One expert's submitted scores for one item, keyed by criterion ordinal.</summary>
internal sealed record ScoreSheet(Guid ExpertId, IReadOnlyDictionary<int, decimal> Scores);

internal sealed record ItemScores(Guid ItemId, IReadOnlyList<ScoreSheet> Sheets);

internal sealed record ItemResult(
    Guid ItemId,
    int Count,
    decimal? TrimmedMean,
    bool Trimmed,
    decimal? StandardDeviation,
    decimal? Spread,
    IReadOnlyDictionary<int, decimal> CriterionMeans,
    int? Rank,
    bool Passed,
    IReadOnlyList<int> FailedCriteria,
    bool SpreadFlag);

/// <summary>
/// The arithmetic of a round's results (pure). Per item: the weighted total of each sheet (Σ weight × score);
/// the trimmed mean of the totals (the highest and the lowest dropped when there are at least
/// <see cref="TrimFrom"/>); the population standard deviation and the spread (highest − lowest) of all totals;
/// the mean of each criterion over all sheets; pass when the trimmed mean reaches the overall threshold and
/// every criterion with a threshold reaches it; a flag when the spread exceeds the limit. Items are ranked by
/// trimmed mean, highest first; equal means share a rank and the next rank skips (1, 1, 3). Figures are rounded
/// to two decimals (half away from zero) before they are compared or ranked, so what people see is what decided.
/// </summary>
internal static class ResultsCalculator
{
    public const int TrimFrom = 5;

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal WeightedTotal(IReadOnlyList<Criterion> criteria, ScoreSheet sheet) =>
        criteria.Sum(c => c.Weight * sheet.Scores.GetValueOrDefault(c.Ordinal));

    public static decimal TrimmedMean(IReadOnlyList<decimal> totals)
    {
        var sorted = totals.Order().ToList();
        if (sorted.Count >= TrimFrom)
        {
            sorted = sorted.Skip(1).Take(sorted.Count - 2).ToList();
        }
        return sorted.Sum() / sorted.Count;
    }

    public static decimal StandardDeviation(IReadOnlyList<decimal> totals)
    {
        var mean = totals.Sum() / totals.Count;
        var variance = totals.Sum(t => (t - mean) * (t - mean)) / totals.Count;
        return Sqrt(variance);
    }

    public static IReadOnlyList<ItemResult> Compute(IReadOnlyList<Criterion> criteria, IReadOnlyList<ItemScores> items,
        decimal passThreshold, decimal spreadLimit)
    {
        var partial = items.Select(item =>
        {
            if (item.Sheets.Count == 0)
            {
                return new ItemResult(item.ItemId, 0, null, false, null, null, new Dictionary<int, decimal>(), null, false, [], false);
            }
            var totals = item.Sheets.Select(s => WeightedTotal(criteria, s)).ToList();
            var mean = Round(TrimmedMean(totals));
            var means = criteria.ToDictionary(c => c.Ordinal, c => Round(item.Sheets.Average(s => s.Scores.GetValueOrDefault(c.Ordinal))));
            var failed = criteria.Where(c => c.Threshold is { } t && means[c.Ordinal] < t).Select(c => c.Ordinal).ToList();
            var spread = Round(totals.Max() - totals.Min());
            return new ItemResult(item.ItemId, totals.Count, mean, totals.Count >= TrimFrom, Round(StandardDeviation(totals)), spread,
                means, null, mean >= passThreshold && failed.Count == 0, failed, spread > spreadLimit);
        }).ToList();

        var ranked = partial.Where(r => r.TrimmedMean is not null).OrderByDescending(r => r.TrimmedMean).ToList();
        var ranks = new Dictionary<Guid, int>();
        for (var i = 0; i < ranked.Count; i++)
        {
            ranks[ranked[i].ItemId] = i > 0 && ranked[i].TrimmedMean == ranked[i - 1].TrimmedMean ? ranks[ranked[i - 1].ItemId] : i + 1;
        }
        return partial
            .Select(r => r with { Rank = ranks.TryGetValue(r.ItemId, out var rank) ? rank : null })
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.ItemId)
            .ToList();
    }

    /// <summary>Square root in decimal (Newton's method), so no floating point enters a published figure.</summary>
    public static decimal Sqrt(decimal value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value));
        }
        if (value == 0)
        {
            return 0;
        }
        var x = value > 1 ? value / 2 : 1m;
        for (var i = 0; i < 100; i++)
        {
            var next = (x + value / x) / 2;
            if (Math.Abs(next - x) < 0.0000000001m)
            {
                return next;
            }
            x = next;
        }
        return x;
    }
}
