using System.Data.Common;
using Dapper;
using Jiebang.Platform.Errors;
using Jiebang.Review.Domain;
using Microsoft.AspNetCore.Http;


namespace Jiebang.Review.Features.Shared;

/// <summary>专家分配的状态 / The state of an expert's assignment to an item.</summary>
internal static class AssignmentStatus
{
    /// <summary>有效，专家应评分 / In force: the expert is to score the item.</summary>
    public const string Active = "Active";
    /// <summary>专家已谢绝 / Declined by the expert.</summary>
    public const string Declined = "Declined";
    /// <summary>专家因利益冲突回避 / The expert recused itself for a conflict of interest.</summary>
    public const string Recused = "Recused";
    /// <summary>工作专班撤销分配（附书面理由）/ Taken off the item by the task force, with a written reason.</summary>
    public const string Removed = "Removed";
}

/// <summary>专家评分表的状态 / The state of an expert's score sheet.</summary>
internal static class ScoreStatus
{
    /// <summary>尚未评分 / Nothing scored yet.</summary>
    public const string None = "None";
    /// <summary>已暂存，可修改 / Saved as a draft; still editable.</summary>
    public const string Draft = "Draft";
    /// <summary>已提交并锁定 / Submitted and locked.</summary>
    public const string Submitted = "Submitted";
}

/// <summary>The pool, the items and the existing assignments of a round, as the pure planner takes them.</summary>
internal static class AssignmentStore
{
    public const string Entity = "Assignment";

    private sealed class PairRow
    {
        public Guid ItemId { get; set; }
        public Guid ExpertId { get; set; }
        public string Status { get; set; } = "";
    }

    private const string SelectPairs = "SELECT item_id AS ItemId, expert_id AS ExpertId, status AS Status FROM review_assignment WHERE round_id = @RoundId";

    private const string End = """
        UPDATE review_assignment SET status = @Status, end_reason = @Reason, ended_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = 'Active' AND score_status <> 'Submitted'
        """;

    /// <summary>Why an assignment cannot end now (declined, recused or removed): it has ended already, or its sheet is submitted and locked.</summary>
    public static IResult? EndRefusal(AssignmentRow row, string actionZh) => row.Status != AssignmentStatus.Active
        ? Problems.Conflict("review.assignment_ended", "该评审任务已结束（谢绝、回避或撤销）", "The assignment has already ended (declined, recused or removed)")
        : row.ScoreStatus == ScoreStatus.Submitted
            ? Problems.Conflict("review.score_locked", $"评分已提交，不能{actionZh}", "The score sheet is submitted and locked; the assignment cannot end")
            : null;

    /// <summary>Ends an active, unsubmitted assignment; false when a concurrent request changed it first.</summary>
    public static async Task<bool> EndAsync(DbConnection connection, DbTransaction tx, AssignmentRow row, string status, string reason, DateTimeOffset now) =>
        await connection.ExecuteAsync(End, new { row.Id, row.Version, Status = status, Reason = reason, Now = now }, tx) == 1;

    public const string Insert = """
        INSERT INTO review_assignment (id, round_id, item_id, expert_id, status, end_reason, assigned_at, ended_at, score_status, comment,
            saved_at, submitted_at, version)
        VALUES (@Id, @RoundId, @ItemId, @ExpertId, 'Active', NULL, @Now, NULL, 'None', NULL, NULL, NULL, 1)
        """;

    /// <summary>Builds the planner's input: each item needs its count minus its active assignments; nobody returns to an item they left.</summary>
    public static async Task<(List<AssignmentItem> Items, List<PoolExpert> Experts)> PlannerInputAsync(DbConnection connection, DbTransaction tx,
        RoundRow round, Guid? onlyItem = null)
    {
        var items = await RoundStore.ItemsAsync(connection, round.Id, tx);
        var pairs = (await connection.QueryAsync<PairRow>(SelectPairs, new { RoundId = round.Id }, tx)).AsList();
        var experts = await ExpertStore.ListAsync(connection, tx, activeOnly: true);
        var load = pairs.Where(p => p.Status == AssignmentStatus.Active).GroupBy(p => p.ExpertId).ToDictionary(g => g.Key, g => g.Count());
        var planItems = items
            .Where(i => onlyItem is null || i.Id == onlyItem)
            .Select(i => new AssignmentItem(i.Id, i.Field, i.ConflictSet(),
                pairs.Where(p => p.ItemId == i.Id).Select(p => p.ExpertId).ToHashSet(),
                Math.Max(0, round.ExpertsPerItem - i.ActiveAssignments), i.PeopleList()))
            .ToList();
        var pool = experts.Select(e => e.ToPool(load.GetValueOrDefault(e.Id))).ToList();
        return (planItems, pool);
    }

    public static async Task<List<Guid>> StoreAsync(DbConnection connection, DbTransaction tx, Guid roundId, IEnumerable<Assigned> planned, DateTimeOffset now)
    {
        var ids = new List<Guid>();
        foreach (var a in planned)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            await connection.ExecuteAsync(Insert, new { Id = id, RoundId = roundId, a.ItemId, a.ExpertId, Now = now }, tx);
        }
        return ids;
    }
}
