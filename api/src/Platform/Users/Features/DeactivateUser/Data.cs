namespace Jiebang.Platform.Users.Features.DeactivateUser;

internal static class Data
{
    public const string Deactivate = """
        UPDATE platform_user SET active = @Active, security_stamp = @Stamp, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
