using FastEndpoints;
using FluentValidation;

namespace Jiebang.Challenges.Features.Challenges.RejectChallenge;

/// <summary>A rejection always says why; the issuer reads it.</summary>
internal sealed class Request
{
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("需要填写不予通过的理由 / A reason is required").MaximumLength(2000);
}
