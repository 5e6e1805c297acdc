namespace Jiebang.Platform.Auth;

/// <summary>A person who signs in: bound to an organisation (issuer, applicant) or an expert profile.</summary>
public sealed class UserRecord
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Role { get; init; } = "";
    public Guid? OrganisationId { get; init; }
    public Guid? ExpertId { get; init; }
    public bool Active { get; init; }
    public bool IsDemo { get; init; }
    public string? Email { get; init; }
    public string? Mobile { get; init; }

    /// <summary>A unit administrator (单位管理员): manages the users of its own organisation.</summary>
    public bool OrgAdmin { get; init; }

    /// <summary>Set when someone else chose the password (creation, reset by an administrator, approval).</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>Changes whenever the account's sessions must end; tokens carry the stamp they were issued with.</summary>
    public string SecurityStamp { get; init; } = "";
    public int Version { get; init; }
}
