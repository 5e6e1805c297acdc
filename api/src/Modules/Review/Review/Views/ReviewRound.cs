using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;

namespace Jiebang.Review.Views;

/// <summary>A criterion of a round's rubric.</summary>
internal sealed class ReviewCriterion
{
    public required int Ordinal { get; init; }
    public required string Name { get; init; }
    /// <summary>权重，计算加权总分时乘以该项得分 / Multiplies the criterion's score in the weighted total.</summary>
    [StoredAsHundredths]
    public required decimal Weight { get; init; }
    public required int MaxScore { get; init; }
    /// <summary>该项平均分的通过下限（如设置）/ Minimum mean score on this criterion to pass, when set.</summary>
    [StoredAsHundredths]
    public decimal? Threshold { get; init; }
}

/// <summary>An item under review: a challenge (need review) or an application.</summary>
internal sealed class ReviewItem
{
    public required Guid Id { get; init; }
    public required Guid SubjectId { get; init; }
    public required string SubjectCode { get; init; }
    public required string Title { get; init; }
    public required ChallengeField Field { get; init; }
    public required int ActiveAssignments { get; init; }
}

/// <summary>A review round (论证轮次).</summary>
internal sealed class ReviewRound
{
    public required Guid Id { get; init; }
    public required ReviewRoundKind Kind { get; init; }
    public required string Name { get; init; }
    public required ReviewRoundStatus Status { get; init; }
    /// <summary>通过线：加权总分截尾均值的下限 / Minimum trimmed mean of the weighted totals to pass.</summary>
    [StoredAsHundredths]
    public required decimal PassThreshold { get; init; }
    public required int ExpertsPerItem { get; init; }
    public required int MaxLoadPerExpert { get; init; }
    /// <summary>分歧上限：最高与最低加权总分之差超过此值时标记 / Results flag an item whose highest and lowest weighted totals differ by more than this.</summary>
    [StoredAsHundredths]
    public required decimal SpreadLimit { get; init; }
    public required DateTimeOffset ScoringOpensAt { get; init; }
    public required DateTimeOffset ScoringClosesAt { get; init; }
    /// <summary>Whether an expert may see others' submitted sheets once it has submitted its own; by default none before close.</summary>
    public required ReviewVisibility Visibility { get; init; }
    /// <summary>When the decided list was publicised (公示), and when its objection period ends.</summary>
    public DateTimeOffset? PublicisedAt { get; init; }
    public DateTimeOffset? ObjectionsCloseAt { get; init; }
    public required List<ReviewCriterion> Criteria { get; init; }
    public required List<ReviewItem> Items { get; init; }
    public required int Version { get; init; }
}
