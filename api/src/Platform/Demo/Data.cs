namespace Jiebang.Platform.Demo;

internal static class Data
{
    public const string CountUsersNamed = "SELECT COUNT(*) FROM platform_user WHERE user_name = @U";
}
