using FastEndpoints;
using FluentValidation;

namespace Jiebang.Funding.Features.Agreements.CloseProject;

/// <summary>Closing an accepted project; without a recorded procurement it needs a waiver reason.</summary>
internal sealed class Request
{
    /// <summary>Why procurement is waived; required when no procurement has been recorded.</summary>
    public string? WaiverReason { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.WaiverReason).MaximumLength(2000);
}
