namespace Jiebang.Review.Views;

internal sealed class AssignmentMade
{
    public required Guid AssignmentId { get; init; }
    public required Guid ItemId { get; init; }
    public required Guid ExpertId { get; init; }
}

/// <summary>An item that could not get its full count of unconflicted experts; nothing was assigned to it.</summary>
internal sealed class ShortItemView
{
    public required Guid ItemId { get; init; }
    public required int Needed { get; init; }
    public required int Available { get; init; }
    public required int InField { get; init; }
    public required int Conflicted { get; init; }
    public required int AtMaxLoad { get; init; }
    public required string Reason { get; init; }

    public static ShortItemView Of(Domain.ShortItem s) => new()
    {
        ItemId = s.ItemId, Needed = s.Needed, Available = s.Available, InField = s.FieldMatches, Conflicted = s.Conflicted, AtMaxLoad = s.AtMaxLoad,
        Reason = s.Reason,
    };
}

internal sealed class AssignmentOutcome
{
    public required List<AssignmentMade> Assigned { get; init; }
    public required List<ShortItemView> Short { get; init; }
    public required int Version { get; init; }
}
