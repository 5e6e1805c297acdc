using System.Data.Common;
using Dapper;

namespace Jiebang.Platform.Auth;

/// <summary>The signed-in person as the SPA shows it.</summary>
public sealed class CurrentUser
{
    public required Guid Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
    public Guid? OrganisationId { get; init; }

    /// <summary>单位名称 / The name of the user's organisation (issuers, applicants); null for the others.</summary>
    public string? OrganisationName { get; init; }
    public Guid? ExpertId { get; init; }
    public required bool IsDemo { get; init; }
    public string? Email { get; init; }
    /// <summary>手机号 / Mobile number.</summary>
    public string? Mobile { get; init; }

    /// <summary>单位管理员 / A unit administrator: manages the users of its own organisation.</summary>
    public required bool OrgAdmin { get; init; }

    /// <summary>
    /// 须修改密码 / The password was chosen by someone else and must be changed: until then the token serves only reading
    /// this user, changing the password, signing out and the sign-in options (403 auth.password_change_required elsewhere).
    /// </summary>
    public required bool MustChangePassword { get; init; }

    public static CurrentUser From(UserRecord u, string? organisationName) => new()
    {
        Id = u.Id, UserName = u.UserName, DisplayName = u.DisplayName, Role = u.Role,
        OrganisationId = u.OrganisationId, OrganisationName = organisationName, ExpertId = u.ExpertId, IsDemo = u.IsDemo,
        Email = u.Email, Mobile = u.Mobile, OrgAdmin = u.OrgAdmin, MustChangePassword = u.MustChangePassword,
    };

    private const string OrganisationNameOf = "SELECT name FROM platform_organisation WHERE id = @Id";

    /// <summary>The user object with its organisation's name read from the registry.</summary>
    public static async Task<CurrentUser> ReadAsync(DbConnection connection, DbTransaction? tx, UserRecord user) =>
        From(user, user.OrganisationId is { } org
            ? await connection.ExecuteScalarAsync<string?>(OrganisationNameOf, new { Id = org }, tx)
            : null);
}
