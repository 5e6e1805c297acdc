using FastEndpoints;
using FluentValidation;

namespace Jiebang.Challenges.Views;

/// <summary>An optional note recorded with a state change.</summary>
internal sealed class ReasonRequest
{
    public string? Reason { get; set; }
}

internal sealed class ReasonRequestValidator : Validator<ReasonRequest>
{
    public ReasonRequestValidator() => RuleFor(x => x.Reason).MaximumLength(2000);
}
