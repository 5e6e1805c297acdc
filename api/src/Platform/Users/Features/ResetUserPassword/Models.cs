using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Users.Features.ResetUserPassword;

/// <summary>重置密码 / The new password, which its holder must change at the next sign-in.</summary>
internal sealed class Request
{
    /// <summary>新密码 / At least 10 characters, not the user name, not a common password.</summary>
    public required string NewPassword { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("新密码不能为空 / The new password is required");
    }
}
