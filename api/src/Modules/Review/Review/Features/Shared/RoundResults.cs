using System.Data.Common;
using Dapper;
using Jiebang.Review.Domain;

namespace Jiebang.Review.Features.Shared;

/// <summary>A round's results from its submitted score sheets: what the task force reads and what closing the round keeps per item.</summary>
internal static class RoundResults
{
    private const string SelectScores = """
        SELECT a.item_id AS ItemId, a.expert_id AS ExpertId, s.criterion_ordinal AS Ordinal, s.score_hundredths AS Hundredths
        FROM review_assignment a JOIN review_score s ON s.assignment_id = a.id
        WHERE a.round_id = @Id AND a.status = 'Active' AND a.score_status = 'Submitted'
        """;

    private sealed class ScoreRow
    {
        public Guid ItemId { get; set; }
        public Guid ExpertId { get; set; }
        public int Ordinal { get; set; }
        public int Hundredths { get; set; }
    }

    public static async Task<(List<ItemRow> Items, IReadOnlyList<ItemResult> Results)> ComputeAsync(DbConnection connection, RoundRow round,
        DbTransaction? tx = null)
    {
        var items = await RoundStore.ItemsAsync(connection, round.Id, tx);
        var scores = (await connection.QueryAsync<ScoreRow>(SelectScores, new { round.Id }, tx)).AsList();
        var input = items.Select(i => new ItemScores(i.Id, scores.Where(s => s.ItemId == i.Id).GroupBy(s => s.ExpertId)
            .Select(g => new ScoreSheet(g.Key, g.ToDictionary(s => s.Ordinal, s => Hundredths.From(s.Hundredths)))).ToList())).ToList();
        var results = ResultsCalculator.Compute(round.Rubric(), input, Hundredths.From(round.PassThresholdHundredths),
            Hundredths.From(round.SpreadLimitHundredths));
        return (items, results);
    }
}
