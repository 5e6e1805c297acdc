using FastEndpoints;
using FluentValidation;
using Jiebang.Challenges.Contracts;

namespace Jiebang.Review.Features.Rounds.DeclareUnawarded;

internal sealed class Request
{
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class Response
{
    public required Guid ChallengeId { get; init; }
    public required ChallengeStatus Status { get; init; }
}
