namespace Jiebang.Platform.Auth.Features.ChangePassword;

internal static class Data
{
    public const string Update = """
        UPDATE platform_user SET password_hash = @PasswordHash, security_stamp = @Stamp, must_change_password = @MustChange,
               updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
