using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Auth.Features.RequestPasswordReset;

/// <summary>忘记密码 / The account that forgot its password.</summary>
internal sealed class Request
{
    /// <summary>用户名 / The user name the person signs in with.</summary>
    public required string UserName { get; set; }
}

/// <summary>已受理 / The same answer whether or not the account exists, has an email or mobile, or was sent a code.</summary>
internal sealed class Response
{
    /// <summary>提示 / What to tell the person, in Chinese and English.</summary>
    public required string Message { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.UserName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请输入用户名 / Enter the user name")
            .MaximumLength(100).WithMessage("用户名不能超过 100 个字符 / The user name may have at most 100 characters");
    }
}
