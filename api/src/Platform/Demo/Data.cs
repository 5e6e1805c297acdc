namespace Jiebang.Platform.Demo;

internal static class Data
{
    public const string CountUsersNamed = "SELECT COUNT(*) FROM platform_user WHERE user_name = @U";

    public const string MakeUnitAdministrator = "UPDATE platform_user SET org_admin = @OrgAdmin WHERE id = @Id";
}
