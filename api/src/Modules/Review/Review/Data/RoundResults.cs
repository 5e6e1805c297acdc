using System.Data.Common;
using Dapper;
using Jiebang.Review.Domain;

namespace Jiebang.Review.Data;

/// <summary>
/// A round's results from its submitted score sheets. Scores cannot change once scoring closes, so closing the round
/// computes them once and keeps them per item and criterion (<see cref="KeepAsync"/>); the results view, decisions and
/// the export read what was kept (<see cref="ReadAsync"/>).
/// </summary>
internal static class RoundResults
{
    private const string SelectScores = """
        SELECT a.item_id AS ItemId, a.expert_id AS ExpertId, s.criterion_ordinal AS Ordinal, s.score_hundredths AS Hundredths
        FROM review_assignment a JOIN review_score s ON s.assignment_id = a.id
        WHERE a.round_id = @Id AND a.status = 'Active' AND a.score_status = 'Submitted'
        """;

    private const string SelectKept = """
        SELECT item_id, sheets, trimmed_mean_hundredths, trimmed, standard_deviation_hundredths, spread_hundredths, result_rank, passed, spread_flag
        FROM review_item_result WHERE round_id = @Id
        """;

    private const string SelectKeptCriteria = """
        SELECT item_id, ordinal, mean_hundredths, passed FROM review_item_criterion_result WHERE round_id = @Id
        """;

    private const string InsertResult = """
        INSERT INTO review_item_result (item_id, round_id, sheets, trimmed_mean_hundredths, trimmed, standard_deviation_hundredths,
                                        spread_hundredths, result_rank, passed, spread_flag) VALUES
        """;

    private const string InsertCriterion = "INSERT INTO review_item_criterion_result (item_id, ordinal, round_id, mean_hundredths, passed) VALUES";

    /// <summary>Items per INSERT statement: 50 × 10 parameters stays far below every provider's parameter limit.</summary>
    private const int RowsPerStatement = 50;

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

    /// <summary>Computes the results from the score sheets as they stand.</summary>
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

    /// <summary>Computes the results of a round whose scoring has just closed and keeps them with its items.</summary>
    public static async Task<(List<ItemRow> Items, IReadOnlyList<ItemResult> Results)> KeepAsync(DbConnection connection, DbTransaction tx, RoundRow round)
    {
        var (items, results) = await ComputeAsync(connection, round, tx);
        var rubric = round.Rubric();
        foreach (var chunk in results.Chunk(RowsPerStatement))
        {
            var values = new List<string>();
            var parameters = new DynamicParameters();
            var criteria = new List<string>();
            var criterionParameters = new DynamicParameters();
            foreach (var (r, n) in chunk.Select((r, n) => (r, n)))
            {
                values.Add($"(@I{n}, @R, @S{n}, @M{n}, @T{n}, @D{n}, @P{n}, @K{n}, @A{n}, @F{n})");
                parameters.Add($"I{n}", r.ItemId);
                parameters.Add($"S{n}", r.Count);
                parameters.Add($"M{n}", r.TrimmedMean is { } m ? Hundredths.To(m) : null);
                parameters.Add($"T{n}", r.Trimmed);
                parameters.Add($"D{n}", r.StandardDeviation is { } d ? Hundredths.To(d) : null);
                parameters.Add($"P{n}", r.Spread is { } p ? Hundredths.To(p) : null);
                parameters.Add($"K{n}", r.Rank);
                parameters.Add($"A{n}", r.Passed);
                parameters.Add($"F{n}", r.SpreadFlag);
                foreach (var c in rubric.Where(c => r.CriterionMeans.ContainsKey(c.Ordinal)))
                {
                    var k = criteria.Count;
                    criteria.Add($"(@I{k}, @O{k}, @R, @M{k}, @A{k})");
                    criterionParameters.Add($"I{k}", r.ItemId);
                    criterionParameters.Add($"O{k}", c.Ordinal);
                    criterionParameters.Add($"M{k}", Hundredths.To(r.CriterionMeans[c.Ordinal]));
                    criterionParameters.Add($"A{k}", !r.FailedCriteria.Contains(c.Ordinal));
                }
            }
            parameters.Add("R", round.Id);
            await connection.ExecuteAsync($"{InsertResult} {string.Join(", ", values)}", parameters, tx);
            if (criteria.Count > 0)
            {
                criterionParameters.Add("R", round.Id);
                await connection.ExecuteAsync($"{InsertCriterion} {string.Join(", ", criteria)}", criterionParameters, tx);
            }
        }
        return (items, results);
    }

    /// <summary>
    /// The results of a round past scoring: those kept when it closed, in rank order as computed; a round closed before
    /// results were kept (no rows) is computed from its score sheets, which no longer change.
    /// </summary>
    public static async Task<(List<ItemRow> Items, IReadOnlyList<ItemResult> Results)> ReadAsync(DbConnection connection, RoundRow round,
        DbTransaction? tx = null)
    {
        var items = await RoundStore.ItemsAsync(connection, round.Id, tx);
        var kept = new List<ItemResult>(items.Count);
        var means = new Dictionary<Guid, Dictionary<int, decimal>>(items.Count);
        var failed = new Dictionary<Guid, List<int>>();
        await using (var reader = await connection.ExecuteReaderAsync(SelectKeptCriteria, new { round.Id }, tx))
        {
            while (await reader.ReadAsync())
            {
                var itemId = reader.GetGuid(0);
                var ordinal = reader.GetInt32(1);
                if (!means.TryGetValue(itemId, out var itemMeans))
                {
                    means[itemId] = itemMeans = [];
                }
                itemMeans[ordinal] = Hundredths.From(reader.GetInt32(2));
                if (!reader.GetBoolean(3))
                {
                    (failed.TryGetValue(itemId, out var list) ? list : failed[itemId] = []).Add(ordinal);
                }
            }
        }
        await using (var reader = await connection.ExecuteReaderAsync(SelectKept, new { round.Id }, tx))
        {
            while (await reader.ReadAsync())
            {
                var itemId = reader.GetGuid(0);
                kept.Add(new ItemResult(itemId, reader.GetInt32(1), OptionalHundredths(reader, 2), reader.GetBoolean(3),
                    OptionalHundredths(reader, 4), OptionalHundredths(reader, 5),
                    means.TryGetValue(itemId, out var itemMeans) ? itemMeans : new Dictionary<int, decimal>(),
                    reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.GetBoolean(7),
                    failed.TryGetValue(itemId, out var itemFailed) ? itemFailed : [], reader.GetBoolean(8)));
            }
        }
        if (kept.Count != items.Count)
        {
            return await ComputeAsync(connection, round, tx);
        }
        return (items, kept.OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.ItemId).ToList());
    }

    private static decimal? OptionalHundredths(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Hundredths.From(reader.GetInt32(ordinal));
}
