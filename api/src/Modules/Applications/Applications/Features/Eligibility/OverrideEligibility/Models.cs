using FluentValidation;
using Jiebang.Applications.Contracts;

namespace Jiebang.Applications.Features.Eligibility.OverrideEligibility;

/// <summary>The task force's decision against the rule results, with the reason on record.</summary>
internal sealed class Request
{
    public EligibilityOutcome Outcome { get; set; }
    public string Reason { get; set; } = "";
}

internal sealed class Validator : FastEndpoints.Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Outcome).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().WithMessage("须填写改判理由 / A written reason is required").MaximumLength(2000);
    }
}
