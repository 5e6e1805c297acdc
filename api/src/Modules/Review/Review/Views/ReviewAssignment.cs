using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;

namespace Jiebang.Review.Views;

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
