using FastEndpoints;
using FluentValidation;

namespace Jiebang.Funding.Features.Progress.VerifyProgressReport;

/// <summary>The investment the task force accepts from a report; at most what was claimed.</summary>
internal sealed class Request
{
    public long VerifiedIssuerFen { get; set; }
    public long VerifiedApplicantFen { get; set; }
    public string? Note { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.VerifiedIssuerFen).GreaterThanOrEqualTo(0);
        RuleFor(x => x.VerifiedApplicantFen).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}
