using FastEndpoints;
using FluentValidation;
using Jiebang.Review.Contracts;

namespace Jiebang.Review.Features.Objections.ResolveObjection;

/// <summary>异议处理结论（仅此两种；Open 不是结论）/ How an objection is resolved (only these two; Open is not an outcome).</summary>
internal enum ObjectionOutcome
{
    /// <summary>异议成立 / The objection is upheld.</summary>
    Upheld,
    /// <summary>异议不成立，予以驳回 / The objection is dismissed.</summary>
    Dismissed,
}

/// <summary>处理异议 / Resolves an objection.</summary>
internal sealed class Request
{
    /// <summary>处理结论 / Upheld or Dismissed.</summary>
    public ObjectionOutcome Outcome { get; set; }
    /// <summary>处理意见（必填，至多 4000 字）/ The written resolution (required, at most 4000 characters).</summary>
    public string Resolution { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Outcome).IsInEnum()
            .WithMessage("只能是 Upheld 或 Dismissed / Must be Upheld or Dismissed");
        RuleFor(x => x.Resolution).NotEmpty().MaximumLength(4000);
    }
}

internal sealed class Response
{
    public required Guid Id { get; init; }
    public required ObjectionStatus Status { get; init; }
    public required string Resolution { get; init; }
}
