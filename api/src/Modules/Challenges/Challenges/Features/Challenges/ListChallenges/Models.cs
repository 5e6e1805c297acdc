using Jiebang.Platform.Paging;
using FastEndpoints;
using FluentValidation;
using Jiebang.Challenges.Contracts;

namespace Jiebang.Challenges.Features.Challenges.ListChallenges;

/// <summary>Filters, sort and page for the challenge list; all optional.</summary>
internal sealed class Request : PageRequest
{
    /// <summary>Only challenges of this batch.</summary>
    public Guid? Batch { get; set; }
    public ChallengeField? Field { get; set; }
    /// <summary>Application phase now (derived from the batch window).</summary>
    public ApplicationPhase? Phase { get; set; }
    /// <summary>Status; callers who see only published challenges get none of the others whatever they ask.</summary>
    public ChallengeStatus? Status { get; set; }
    /// <summary>Only challenges of this issuing organisation.</summary>
    public Guid? Organisation { get; set; }
    /// <summary>Text contained in the code, title or background.</summary>
    public string? Q { get; set; }
    /// <summary>code (default), title, closesAt, publishedAt, createdAt; prefix with - for descending.</summary>
    public string? Sort { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        this.AddPageRules();
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Sort).Must(s => s is null || Data.SortColumns.ContainsKey(s.TrimStart('-')))
            .WithMessage("排序字段无效，可用 code、title、closesAt、publishedAt、createdAt / Unknown sort; use code, title, closesAt, publishedAt or createdAt");
    }
}
