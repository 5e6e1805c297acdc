namespace Jiebang.Platform.Paging;

/// <summary>One page of a list with the total number of matching rows.</summary>
public sealed class Paged<T>
{
    public required IReadOnlyList<T> Items { get; init; }
    public required int Total { get; init; }
    public required int Page { get; init; }
    public required int PageSize { get; init; }
}
