using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Review.Contracts;

using Jiebang.Platform.Http;

namespace Jiebang.Review.Features.Shared;

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

/// <summary>一项评分标准的得分 / The score given on one criterion.</summary>
internal sealed class ScoreValue
{
    /// <summary>评分标准序号 / The criterion's ordinal.</summary>
    public int Ordinal { get; set; }
    /// <summary>得分，0 至该项满分，至多两位小数（85.555 会被拒绝）/ The score, from 0 to the criterion's maximum, at most two decimals (85.555 is refused).</summary>
    [StoredAsHundredths(Minimum = 0)]
    public decimal Score { get; set; }
}

/// <summary>One assignment with the expert's own score sheet.</summary>
internal sealed class ReviewAssignment
{
    public required Guid Id { get; init; }
    public required Guid RoundId { get; init; }
    public required string RoundName { get; init; }
    public required ReviewRoundKind Kind { get; init; }
    public required ReviewRoundStatus RoundStatus { get; init; }
    public required Guid ItemId { get; init; }
    public required Guid SubjectId { get; init; }
    public required string SubjectCode { get; init; }
    public required string Title { get; init; }
    public required ChallengeField Field { get; init; }
    public required Guid ExpertId { get; init; }
    /// <summary>分配状态 / Active, Declined, Recused or Removed (by the task force).</summary>
    [StringEnum(typeof(AssignmentStatus))]
    public required string Status { get; init; }
    public string? EndReason { get; init; }
    /// <summary>评分表状态 / None, Draft or Submitted (locked).</summary>
    [StringEnum(typeof(ScoreStatus))]
    public required string ScoreStatus { get; init; }
    public required List<ReviewCriterion> Criteria { get; init; }
    public required List<ScoreValue> Scores { get; init; }
    public string? Comment { get; init; }
    public required DateTimeOffset ScoringOpensAt { get; init; }
    public required DateTimeOffset ScoringClosesAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public required int Version { get; init; }
}

internal static class AssignmentQueries
{
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
}
