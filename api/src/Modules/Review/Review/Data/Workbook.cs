using Dapper;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Jobs;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Jiebang.Review.Data;

/// <summary>
/// The round's results workbook, built the same way for the synchronous export and the export job (a read: safe to rerun).
/// Progress counts result rows (one per item) and score rows (one per assignment).
/// </summary>
internal static class Workbook
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string SelectSheets = """
        SELECT a.id AS AssignmentId, a.item_id AS ItemId, a.expert_id AS ExpertId, e.name AS ExpertName, a.status AS Status,
               a.score_status AS ScoreStatus, a.comment AS Comment
        FROM review_assignment a JOIN review_expert e ON e.id = a.expert_id
        WHERE a.round_id = @Id ORDER BY a.item_id, e.name, a.id
        """;

    private const string SelectScores = """
        SELECT s.assignment_id AS AssignmentId, s.criterion_ordinal AS Ordinal, s.score_hundredths AS Hundredths
        FROM review_score s JOIN review_assignment a ON a.id = s.assignment_id WHERE a.round_id = @Id
        """;

    private sealed class SheetRow
    {
        public Guid AssignmentId { get; set; }
        public Guid ItemId { get; set; }
        public Guid ExpertId { get; set; }
        public string ExpertName { get; set; } = "";
        public string Status { get; set; } = "";
        public string ScoreStatus { get; set; } = "";
        public string? Comment { get; set; }
    }

    private sealed class ScoreRow
    {
        public Guid AssignmentId { get; set; }
        public int Ordinal { get; set; }
        public int Hundredths { get; set; }
    }

    public static async Task<(JobFile? File, IResult? Problem)> BuildAsync(DbConnectionFactory db, Guid roundId, Func<int, int, Task>? progress,
        CancellationToken ct)
    {
        RoundRow? round;
        List<ItemRow> items;
        List<SheetRow> sheets;
        ILookup<Guid, ScoreRow> scores;
        Dictionary<Guid, DecisionRow> decisions;
        await using (var connection = await db.OpenAsync(ct))
        {
            round = await RoundStore.LoadAsync(connection, roundId);
            if (round is null)
            {
                return (null, Problems.NotFound("round"));
            }
            if (!RoundLifecycle.IsPastScoring(round.Status))
            {
                return (null, Problems.Conflict("review.round_not_closed", "评分尚未结束", "Results are available once scoring is closed"));
            }
            items = await RoundStore.ItemsAsync(connection, round.Id);
            sheets = (await connection.QueryAsync<SheetRow>(SelectSheets, new { round.Id })).AsList();
            scores = (await connection.QueryAsync<ScoreRow>(SelectScores, new { round.Id })).ToLookup(s => s.AssignmentId);
            decisions = (await DecisionStore.ForRoundAsync(connection, round.Id)).ToDictionary(d => d.ItemId);
        }
        var total = items.Count + sheets.Count;
        if (progress is not null)
        {
            await progress(0, total);
        }
        var rubric = round.Rubric();
        var submitted = sheets.Where(s => s.Status == AssignmentStatus.Active && s.ScoreStatus == ScoreStatus.Submitted).ToList();
        var results = ResultsCalculator.Compute(rubric, items.Select(i => new ItemScores(i.Id, submitted.Where(s => s.ItemId == i.Id)
                .Select(s => new ScoreSheet(s.ExpertId, scores[s.AssignmentId].ToDictionary(x => x.Ordinal, x => Hundredths.From(x.Hundredths))))
                .ToList())).ToList(),
            Hundredths.From(round.PassThresholdHundredths), Hundredths.From(round.SpreadLimitHundredths));
        var byId = items.ToDictionary(i => i.Id);

        var resultRows = results.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                ["编号 Code"] = byId[r.ItemId].SubjectCode,
                ["名称 Title"] = byId[r.ItemId].Title,
                ["评分数 Scores"] = r.Count,
                ["截尾均值 Trimmed mean"] = r.TrimmedMean,
                ["标准差 Std dev"] = r.StandardDeviation,
                ["分差 Spread"] = r.Spread,
                ["分歧 Spread flag"] = r.SpreadFlag ? "是 Yes" : "否 No",
                ["排名 Rank"] = r.Rank,
                ["是否通过 Passed"] = r.Passed ? "是 Yes" : "否 No",
            };
            foreach (var c in rubric)
            {
                row[$"{c.Name} 均值 mean"] = r.CriterionMeans.TryGetValue(c.Ordinal, out var m) ? m : null;
            }
            row["决定 Decision"] = decisions.TryGetValue(r.ItemId, out var d) ? d.Outcome.ToString() : null;
            row["理由 Reason"] = decisions.TryGetValue(r.ItemId, out var d2) ? d2.Reason : null;
            return row;
        }).ToList();

        if (progress is not null)
        {
            await progress(items.Count, total);
        }

        var scoreRows = sheets.Select(s =>
        {
            var values = scores[s.AssignmentId].ToDictionary(x => x.Ordinal, x => Hundredths.From(x.Hundredths));
            var row = new Dictionary<string, object?>
            {
                ["编号 Code"] = byId[s.ItemId].SubjectCode,
                ["专家 Expert"] = s.ExpertName,
                ["任务 Assignment"] = s.Status,
                ["评分状态 Score status"] = s.ScoreStatus,
            };
            foreach (var c in rubric)
            {
                row[c.Name] = values.TryGetValue(c.Ordinal, out var v) ? v : null;
            }
            row["加权总分 Weighted total"] = s.ScoreStatus == ScoreStatus.Submitted
                ? ResultsCalculator.WeightedTotal(rubric, new ScoreSheet(s.ExpertId, values))
                : null;
            row["意见 Comment"] = s.Comment;
            return row;
        }).ToList();

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { ["结果 Results"] = resultRows, ["专家评分 Scores"] = scoreRows }, cancellationToken: ct);
        if (progress is not null)
        {
            await progress(total, total);
        }
        return (new JobFile($"review-{round.Id:N}.xlsx", Xlsx, stream.ToArray()), null);
    }
}
