using System.Linq.Expressions;
using FluentValidation;

namespace Jiebang.Platform.Users;

/// <summary>The rules of an account's contact details (the formats of <see cref="Auth.AccountRules"/>), as the forms label them.</summary>
internal static class ContactRules
{
    public static void AddContactRules<T>(this AbstractValidator<T> validator, Expression<Func<T, string?>> email, Expression<Func<T, string?>> mobile)
    {
        validator.RuleFor(email).MaximumLength(200).WithMessage("邮箱不能超过200个字符 / The email may have at most 200 characters")
            .Matches(Auth.AccountRules.Email()).WithMessage("邮箱格式不正确 / The email address is not valid")
            .When(x => !string.IsNullOrEmpty(email.Compile()(x)));
        validator.RuleFor(mobile).Matches(Auth.AccountRules.Mobile())
            .WithMessage("手机号应为11位中国大陆手机号 / The mobile number must be an 11-digit mainland number")
            .When(x => !string.IsNullOrEmpty(mobile.Compile()(x)));
    }

    public static string? Normalised(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
