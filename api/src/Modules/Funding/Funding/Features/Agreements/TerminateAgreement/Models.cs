using FastEndpoints;
using FluentValidation;

namespace Jiebang.Funding.Features.Agreements.TerminateAgreement;

/// <summary>Ending a project early.</summary>
internal sealed class Request
{
    public string Reason { get; set; } = "";
    /// <summary>
    /// Optional: recover more than the rule requires (for example misused funds), at most what was paid. The rule's
    /// amount — paid beyond ratio × verified investment — is always recovered.
    /// </summary>
    public long? ClawBackFen { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000).WithMessage("终止须说明理由 / Termination needs a reason");
        RuleFor(x => x.ClawBackFen).GreaterThanOrEqualTo(0);
    }
}
