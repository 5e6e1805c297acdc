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
}
