namespace Jiebang.Platform.Auth.Features.UpdateProfile;

internal static class Data
{
    public const string Update = """
        UPDATE platform_user SET display_name = @DisplayName, email = @Email, mobile = @Mobile, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
