using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

using Jiebang.Platform.Http;

namespace Jiebang.Review.Features.Assignments.GetAssignmentBoard;

/// <summary>One assignment of the round, current or ended.</summary>
internal sealed class BoardAssignment
{
    public required Guid AssignmentId { get; init; }
    public required Guid ItemId { get; init; }
    public required string SubjectCode { get; init; }
    public required Guid ExpertId { get; init; }
    public required string ExpertName { get; init; }
    /// <summary>分配状态 / Active, Declined, Recused or Removed.</summary>
    [StringEnum(typeof(AssignmentStatus))]
    public required string Status { get; init; }
    /// <summary>评分表状态 / None, Draft or Submitted.</summary>
    [StringEnum(typeof(ScoreStatus))]
    public required string ScoreStatus { get; init; }
    public string? EndReason { get; init; }
    public required DateTimeOffset AssignedAt { get; init; }
}

/// <summary>An expert's active assignments in this round against the round's maximum.</summary>
internal sealed class ExpertLoad
{
    public required Guid ExpertId { get; init; }
    public required string Name { get; init; }
    public required int Load { get; init; }
    public required int MaxLoad { get; init; }
}

/// <summary>An item of the round with its count of active experts.</summary>
internal sealed class BoardItem
{
    public required Guid ItemId { get; init; }
    public required string SubjectCode { get; init; }
    public required string Title { get; init; }
    public required int Active { get; init; }
    public required int Needed { get; init; }
}

internal sealed class Response
{
    public required Guid RoundId { get; init; }
    public required ReviewRoundStatus Status { get; init; }
    public required int ExpertsPerItem { get; init; }
    public required int MaxLoadPerExpert { get; init; }
    public required List<BoardItem> Items { get; init; }
    public required List<BoardAssignment> Assignments { get; init; }
    /// <summary>Every expert with an active assignment in the round, highest load first.</summary>
    public required List<ExpertLoad> Loads { get; init; }
    /// <summary>Items below their count now, with the numbers that say why (as the automatic assignment would report them).</summary>
    public required List<ShortItemView> Short { get; init; }
}
