namespace Jiebang.Platform.Auth.Features.GetSignInOptions;

internal static class Data
{
    public const string DemoAccounts = """
        SELECT user_name AS UserName, display_name AS DisplayName, role AS Role
        FROM platform_user WHERE is_demo = @IsDemo AND active = @Active
        """;
}
