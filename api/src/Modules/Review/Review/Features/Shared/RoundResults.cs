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

    /// <summary>
    /// Every submitted score of the round, read column by column: a round of 1,000 items has 25,000 of them, and mapping
    /// each through Dapper's boxed values and type handlers cost most of the request (found with perf).
    /// </summary>
    private static async Task<List<ScoreRow>> ReadScoresAsync(DbConnection connection, Guid roundId, DbTransaction? tx)
    {
        await using var reader = await connection.ExecuteReaderAsync(SelectScores, new { Id = roundId }, tx);
        var rows = new List<ScoreRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new ScoreRow { ItemId = reader.GetGuid(0), ExpertId = reader.GetGuid(1), Ordinal = reader.GetInt32(2), Hundredths = reader.GetInt32(3) });
        }
        return rows;
    }

    public static async Task<(List<ItemRow> Items, IReadOnlyList<ItemResult> Results)> ComputeAsync(DbConnection connection, RoundRow round,
        DbTransaction? tx = null)
    {
        var items = await RoundStore.ItemsAsync(connection, round.Id, tx);
        var scores = (await ReadScoresAsync(connection, round.Id, tx)).ToLookup(s => s.ItemId);
        var input = items.Select(i => new ItemScores(i.Id, scores[i.Id].GroupBy(s => s.ExpertId)
            .Select(g => new ScoreSheet(g.Key, g.ToDictionary(s => s.Ordinal, s => Hundredths.From(s.Hundredths)))).ToList())).ToList();
        var results = ResultsCalculator.Compute(round.Rubric(), input, Hundredths.From(round.PassThresholdHundredths),
            Hundredths.From(round.SpreadLimitHundredths));
        return (items, results);
    }
}
