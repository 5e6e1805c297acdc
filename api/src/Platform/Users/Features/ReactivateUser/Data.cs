namespace Jiebang.Platform.Users.Features.ReactivateUser;

internal static class Data
{
    public const string Reactivate = """
        UPDATE platform_user SET active = @Active, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
