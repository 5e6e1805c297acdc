using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Auth.Features.UpdateProfile;

/// <summary>修改本人资料 / The signed-in person's own name and contact details (an empty or absent email or mobile removes it).</summary>
internal sealed class Request
{
    /// <summary>姓名 / The name shown to others.</summary>
    public required string DisplayName { get; set; }

    /// <summary>电子邮箱 / Where password-reset codes are sent.</summary>
    public string? Email { get; set; }

    /// <summary>手机号 / A mainland mobile number (11 digits); codes go here when there is no email.</summary>
    public string? Mobile { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("姓名不能为空 / The name is required")
            .MaximumLength(AccountRules.DisplayNameMaxLength)
            .WithMessage($"姓名不能超过 {AccountRules.DisplayNameMaxLength} 个字符 / The name may have at most {AccountRules.DisplayNameMaxLength} characters");
        RuleFor(x => x.Email)
            .Must(e => string.IsNullOrWhiteSpace(e) || (e.Trim().Length <= AccountRules.EmailMaxLength && AccountRules.Email().IsMatch(e.Trim())))
            .WithMessage("电子邮箱格式不正确 / The email address is not valid");
        RuleFor(x => x.Mobile).Must(m => string.IsNullOrWhiteSpace(m) || AccountRules.Mobile().IsMatch(m.Trim()))
            .WithMessage("手机号应为 11 位数字，以 1 开头 / The mobile number must have 11 digits and start with 1");
    }
}
