using Jiebang.Platform.Users.Data;

namespace Jiebang.Platform.Users.Views;

/// <summary>用户账号 / An account as the task force and unit administrators see it (never its password or stamp).</summary>
public sealed class UserAccount
{
    public required Guid Id { get; init; }
    /// <summary>登录名 / The sign-in name; unique.</summary>
    public required string UserName { get; init; }
    /// <summary>姓名 / The name shown to people.</summary>
    public required string DisplayName { get; init; }
    /// <summary>角色 / TaskForce, Issuer, Applicant, Expert or Auditor.</summary>
    public required string Role { get; init; }
    /// <summary>所属单位 / The organisation of an issuer or applicant account.</summary>
    public Guid? OrganisationId { get; init; }
    public string? OrganisationName { get; init; }
    /// <summary>专家库记录 / The expert record an expert account is bound to.</summary>
    public Guid? ExpertId { get; init; }
    /// <summary>邮箱 / Where password-reset codes are sent.</summary>
    public string? Email { get; init; }
    /// <summary>手机号 / An 11-digit mainland mobile number.</summary>
    public string? Mobile { get; init; }
    /// <summary>单位管理员 / Manages the users of its own organisation.</summary>
    public required bool OrgAdmin { get; init; }
    /// <summary>启用 / False once deactivated: the account can no longer sign in.</summary>
    public required bool Active { get; init; }
    /// <summary>首次登录须修改密码 / Set when someone else chose the password.</summary>
    public required bool MustChangePassword { get; init; }
    public required bool IsDemo { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required int Version { get; init; }

    internal static UserAccount From(AccountRow r) => new()
    {
        Id = r.Id, UserName = r.UserName, DisplayName = r.DisplayName, Role = r.Role, OrganisationId = r.OrganisationId,
        OrganisationName = r.OrganisationName, ExpertId = r.ExpertId, Email = r.Email, Mobile = r.Mobile, OrgAdmin = r.OrgAdmin,
        Active = r.Active, MustChangePassword = r.MustChangePassword, IsDemo = r.IsDemo, CreatedAt = r.CreatedAt, Version = r.Version,
    };
}
