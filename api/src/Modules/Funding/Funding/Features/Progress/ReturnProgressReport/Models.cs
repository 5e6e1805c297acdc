using FastEndpoints;
using FluentValidation;

namespace Jiebang.Funding.Features.Progress.ReturnProgressReport;

/// <summary>Why the report goes back to the parties.</summary>
internal sealed class Request
{
    public string Note { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Note).NotEmpty().MaximumLength(2000)
        .WithMessage("退回须说明理由 / A returned report needs a reason");
}
