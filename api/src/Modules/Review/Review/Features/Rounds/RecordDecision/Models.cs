using FastEndpoints;
using FluentValidation;
using Jiebang.Review.Contracts;

namespace Jiebang.Review.Features.Rounds.RecordDecision;

internal sealed class Request
{
    public ReviewDecisionOutcome Outcome { get; set; }
    /// <summary>Why; required, and the record of any departure from the ranking.</summary>
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Outcome).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
    }
}

internal sealed class Response
{
    public required Guid ItemId { get; init; }
    public required ReviewDecisionOutcome Outcome { get; init; }
    public required string Reason { get; init; }
}
