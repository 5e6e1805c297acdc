namespace Jiebang.Platform.Auth;

/// <summary>The signed-in person as the SPA shows it.</summary>
public sealed class CurrentUser
{
    public required Guid Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
    public Guid? OrganisationId { get; init; }
    public Guid? ExpertId { get; init; }
    public required bool IsDemo { get; init; }

    public static CurrentUser From(UserRecord u) => new()
    {
        Id = u.Id, UserName = u.UserName, DisplayName = u.DisplayName, Role = u.Role,
        OrganisationId = u.OrganisationId, ExpertId = u.ExpertId, IsDemo = u.IsDemo,
    };
}
