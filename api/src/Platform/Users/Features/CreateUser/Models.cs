using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Users.Features.CreateUser;

/// <summary>新建用户账号 / A new account; its holder must change the password at first sign-in.</summary>
internal sealed class Request
{
    /// <summary>登录名 / 3 to 100 letters, digits and . _ - @, starting with a letter or digit; unique (case-insensitive).</summary>
    public required string UserName { get; set; }
    /// <summary>姓名 / The name shown to people.</summary>
    public required string DisplayName { get; set; }
    /// <summary>角色 / TaskForce, Issuer, Expert, Auditor or Applicant (a unit administrator: its own role only).</summary>
    public required string Role { get; set; }
    /// <summary>所属单位 / Required for Issuer and Applicant; a unit administrator's own organisation when omitted.</summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>专家库记录 / Required for Expert: the expert record the account is bound to.</summary>
    public Guid? ExpertId { get; set; }
    public string? Email { get; set; }
    /// <summary>手机号 / An 11-digit mainland mobile number.</summary>
    public string? Mobile { get; set; }
    /// <summary>单位管理员 / Issuer and Applicant accounts only.</summary>
    public bool? OrgAdmin { get; set; }
    /// <summary>初始密码 / At least 10 characters, not the user name, not a common password.</summary>
    public required string Password { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage("用户名不能为空 / The user name is required")
            .Matches("^[A-Za-z0-9][A-Za-z0-9._@-]{2,99}$")
            .WithMessage("用户名应为3至100个字母、数字或 . _ - @，以字母或数字开头 / The user name must have 3 to 100 letters, digits " +
                         "or . _ - @, starting with a letter or digit");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("姓名不能为空 / The name is required")
            .MaximumLength(100).WithMessage("姓名不能超过100个字符 / The name may have at most 100 characters");
        RuleFor(x => x.Role).NotEmpty().WithMessage("角色不能为空 / The role is required");
        this.AddContactRules(x => x.Email, x => x.Mobile);
        RuleFor(x => x.Password).NotEmpty().WithMessage("密码不能为空 / The password is required");
    }
}
