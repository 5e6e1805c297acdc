using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Data;

internal sealed class AssignmentRow
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid ItemId { get; set; }
    public Guid ExpertId { get; set; }
    public string Status { get; set; } = "";
    public string? EndReason { get; set; }
    public string ScoreStatus { get; set; } = "";
    public string? Comment { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset? SavedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public int Version { get; set; }
    public Guid SubjectId { get; set; }
    public string SubjectCode { get; set; } = "";
    public string Title { get; set; } = "";
    public ChallengeField Field { get; set; }
    public string RoundName { get; set; } = "";
    public ReviewRoundKind Kind { get; set; }
    public ReviewRoundStatus RoundStatus { get; set; }

    /// <summary>An expert sees only its own assignments; the task force and auditors see all. Anyone else gets 404.</summary>
    public bool IsVisibleTo(Caller caller) => caller.ReadsEverything || (caller.IsExpert && caller.ExpertId == ExpertId);
}

/// <summary>Assignments: the pool, the items and the existing assignments as the pure planner takes them; score sheets; the views.</summary>
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

    /// <summary>Ends an active, unsubmitted assignment; false when a concurrent request changed it first.</summary>
    public static async Task<bool> EndAsync(DbConnection connection, DbTransaction tx, AssignmentRow row, string status, string reason, DateTimeOffset now) =>
        await connection.ExecuteAsync(End, new { row.Id, row.Version, Status = status, Reason = reason, Now = now }, tx) == 1;

    public const string Insert = """
        INSERT INTO review_assignment (id, round_id, item_id, expert_id, status, end_reason, assigned_at, ended_at, score_status, comment,
            saved_at, submitted_at, version)
        VALUES (@Id, @RoundId, @ItemId, @ExpertId, 'Active', NULL, @Now, NULL, 'None', NULL, NULL, NULL, 1)
        """;

    /// <summary>Builds the planner's input: each item needs its count minus its active assignments; nobody returns to an item they left.</summary>
    public static async Task<(List<AssignmentItem> Items, List<PoolExpert> Experts)> PlannerInputAsync(DbConnection connection, DbTransaction? tx,
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

    private const string Columns = """
        a.id AS Id, a.round_id AS RoundId, a.item_id AS ItemId, a.expert_id AS ExpertId, a.status AS Status, a.end_reason AS EndReason,
        a.score_status AS ScoreStatus, a.comment AS Comment, a.assigned_at AS AssignedAt, a.saved_at AS SavedAt, a.submitted_at AS SubmittedAt,
        a.version AS Version, i.subject_id AS SubjectId, i.subject_code AS SubjectCode, i.title AS Title, i.field AS Field,
        r.name AS RoundName, r.kind AS Kind, r.status AS RoundStatus
        """;

    private const string From = "FROM review_assignment a JOIN review_item i ON i.id = a.item_id JOIN review_round r ON r.id = a.round_id";

    private const string SelectScores = """
        SELECT criterion_ordinal AS Ordinal, score_hundredths AS Hundredths FROM review_score WHERE assignment_id = @Id ORDER BY criterion_ordinal
        """;

    private sealed class StoredScore
    {
        public int Ordinal { get; set; }
        public int Hundredths { get; set; }
    }

    public static Task<AssignmentRow?> LoadAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<AssignmentRow>($"SELECT {Columns} {From} WHERE a.id = @Id", new { Id = id }, tx);

    public static async Task<List<AssignmentRow>> ForExpertAsync(DbConnection connection, Guid expertId) =>
        (await connection.QueryAsync<AssignmentRow>($"SELECT {Columns} {From} WHERE a.expert_id = @ExpertId ORDER BY a.assigned_at, a.id",
            new { ExpertId = expertId })).AsList();

    public static async Task<Dictionary<int, int>> ScoresAsync(DbConnection connection, Guid assignmentId, DbTransaction? tx = null) =>
        (await connection.QueryAsync<StoredScore>(SelectScores, new { Id = assignmentId }, tx)).ToDictionary(s => s.Ordinal, s => s.Hundredths);

    public static async Task<ReviewAssignment> ViewAsync(DbConnection connection, AssignmentRow row, DbTransaction? tx = null)
    {
        var round = (await RoundStore.LoadAsync(connection, row.RoundId, tx))!;
        var scores = await ScoresAsync(connection, row.Id, tx);
        return new ReviewAssignment
        {
            Id = row.Id, RoundId = row.RoundId, RoundName = row.RoundName, Kind = row.Kind, RoundStatus = row.RoundStatus, ItemId = row.ItemId,
            SubjectId = row.SubjectId, SubjectCode = row.SubjectCode, Title = row.Title, Field = row.Field, ExpertId = row.ExpertId,
            Status = row.Status, EndReason = row.EndReason, ScoreStatus = row.ScoreStatus,
            Criteria = round.Criteria.Select(c => c.ToModel()).ToList(),
            Scores = scores.Select(s => new ScoreValue { Ordinal = s.Key, Score = Hundredths.From(s.Value) }).ToList(),
            Comment = row.Comment, ScoringOpensAt = round.ScoringOpensAt, ScoringClosesAt = round.ScoringClosesAt,
            SubmittedAt = row.SubmittedAt, Version = row.Version,
        };
    }

    private const string EverOnItem = "SELECT COUNT(*) FROM review_assignment WHERE item_id = @ItemId AND expert_id = @ExpertId";

    private const string Load = "SELECT COUNT(*) FROM review_assignment WHERE round_id = @RoundId AND expert_id = @ExpertId AND status = 'Active'";

    /// <summary>
    /// Checks an assignment by hand (<see cref="HandAssignment"/>) and refuses it when the rules forbid it; otherwise the
    /// automatic rules it departs from.
    /// </summary>
    public static async Task<List<string>> CheckByHandAsync(Write w, RoundRow round, ItemRow item, ExpertRow expert, int activeOnItem)
    {
        var pool = expert.ToPool(0);
        var everOnItem = await w.ExecuteScalarAsync<int>(EverOnItem, new { ItemId = item.Id, ExpertId = expert.Id }) > 0;
        if (HandAssignment.Refusal(expert.Active, pool, item.ConflictSet(), item.PeopleList(), everOnItem) is { } refusal)
        {
            throw Write.Refuse(refusal);
        }
        var load = await w.ExecuteScalarAsync<int>(Load, new { RoundId = round.Id, ExpertId = expert.Id });
        return HandAssignment.Departures(pool, item.Field, load, round.MaxLoad, activeOnItem, round.ExpertsPerItem);
    }

    /// <summary>
    /// The caller's own assignment and its round, for a change to its score sheet: 404 unless it is the caller's, 412 when
    /// stale, then the <see cref="ScoringGuard"/> checks.
    /// </summary>
    public static async Task<(AssignmentRow Row, RoundRow Round)> ForScoringAsync(Write w, Guid id)
    {
        var row = await LoadAsync(w.Connection, id, w.Transaction);
        var round = row is null ? null : await RoundStore.LoadAsync(w.Connection, row.RoundId, w.Transaction);
        if (row is null || round is null || !(w.Caller.IsExpert && w.Caller.ExpertId == row.ExpertId))
        {
            throw Write.Refuse(Problems.NotFound("assignment"));
        }
        w.Matches(row.Version);
        if (ScoringGuard.Refusal(row.Status, row.ScoreStatus, round.Status, round.ScoringWindowOpen(w.Now)) is { } refusal)
        {
            throw Write.Refuse(refusal);
        }
        return (row, round);
    }

    /// <summary>The assignment as its expert sees it, as it now stands.</summary>
    public static async Task<ReviewAssignment> ReloadAsync(Write w, Guid id) =>
        await ViewAsync(w.Connection, (await LoadAsync(w.Connection, id, w.Transaction))!, w.Transaction);

    /// <summary>Stores the planned assignments and states each as made (ExpertAssigned), in the same transaction.</summary>
    public static async Task<List<Guid>> AssignAsync(Write w, Guid roundId, IReadOnlyList<Assigned> planned, IReadOnlyDictionary<Guid, Guid> subjects)
    {
        var ids = await StoreAsync(w.Connection, w.Transaction, roundId, planned, w.Now);
        await w.PublishAsync([.. planned.Select((a, i) => new ExpertAssigned(roundId, ids[i], a.ExpertId, subjects[a.ItemId]))]);
        return ids;
    }
}
