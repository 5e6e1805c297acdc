using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Auth.Features.ResetPassword;

/// <summary>用验证码重设密码 / The code that was sent, and the new password.</summary>
internal sealed class Request
{
    /// <summary>用户名 / The user name the code was requested for.</summary>
    public required string UserName { get; set; }

    /// <summary>验证码 / The 6-digit code from the email or text message.</summary>
    public required string Code { get; set; }

    /// <summary>新密码 / At least 10 characters, not the user name, not a common password.</summary>
    public required string NewPassword { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.UserName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请输入用户名 / Enter the user name")
            .MaximumLength(100).WithMessage("用户名不能超过 100 个字符 / The user name may have at most 100 characters");
        RuleFor(x => x.Code).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("请输入验证码 / Enter the code")
            .MaximumLength(20).WithMessage("验证码不正确 / The code is not valid");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码 / Enter the new password");
    }
}
