using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Registrations.Features.RejectRegistration;

/// <summary>驳回单位注册 / Why the registration is rejected: shown to the unit with its status.</summary>
internal sealed class Request
{
    /// <summary>驳回理由 / The reason, shown to the unit (1 to 500 characters).</summary>
    public required string Reason { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("驳回理由不能为空 / The reason is required")
            .MaximumLength(500).WithMessage("驳回理由不能超过 500 个字符 / The reason may have at most 500 characters");
    }
}
