using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Auth.Features.ChangePassword;

/// <summary>修改密码 / The current password and the new one.</summary>
internal sealed class Request
{
    /// <summary>当前密码 / The password the person signs in with now.</summary>
    public required string CurrentPassword { get; set; }

    /// <summary>新密码 / At least 10 characters, not the user name, not a common password.</summary>
    public required string NewPassword { get; set; }
}

/// <summary>
/// 新的访问令牌 / A fresh bearer token: the change ended every other session of the account, the one that asked included,
/// so the client replaces its token with this one.
/// </summary>
internal sealed class Response
{
    public required string AccessToken { get; init; }
    public string TokenType { get; init; } = "Bearer";
    public required DateTimeOffset ExpiresAt { get; init; }
    public required CurrentUser User { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("请输入当前密码 / Enter the current password")
            .MaximumLength(PasswordPolicy.MaximumLength).WithMessage("当前密码不正确 / The current password is wrong");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码 / Enter the new password");
    }
}
