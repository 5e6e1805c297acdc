namespace Jiebang.Platform.Users.Features.ResetUserPassword;

internal static class Data
{
    public const string Update = """
        UPDATE platform_user
        SET password_hash = @PasswordHash, must_change_password = @MustChange, security_stamp = @Stamp, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
