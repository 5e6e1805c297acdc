using FluentValidation;

namespace Jiebang.Platform.Paging;

/// <summary>Page and size of a list request (query parameters page, pageSize).</summary>
public abstract class PageRequest
{
    /// <summary>1-based page number.</summary>
    public int Page { get; set; } = 1;

    /// <summary>Rows per page, 1 to 200.</summary>
    public int PageSize { get; set; } = 20;

    public int Skip => (Math.Max(Page, 1) - 1) * PageSize;
}

public static class PageRules
{
    public const int MaxPageSize = 200;

    /// <summary>The paging rules every list shares; call from the list's validator.</summary>
    public static void AddPageRules<T>(this AbstractValidator<T> validator) where T : PageRequest
    {
        validator.RuleFor(x => x.Page).InclusiveBetween(1, 100_000);
        validator.RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}
