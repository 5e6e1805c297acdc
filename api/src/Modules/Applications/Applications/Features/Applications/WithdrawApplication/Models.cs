using FastEndpoints;
using FluentValidation;

namespace Jiebang.Applications.Features.Applications.WithdrawApplication;

internal sealed class Request
{
    public string? Reason { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Reason).MaximumLength(2000);
}
