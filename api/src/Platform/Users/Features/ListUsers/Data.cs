using Jiebang.Platform.Users.Data;

namespace Jiebang.Platform.Users.Features.ListUsers;

internal static class Data
{
    public const string Order = "ORDER BY u.user_name, u.id";

    public static string Count(string where) => $"SELECT COUNT(*) {AccountStore.From} {where}";

    public static string Page(string where, string page) => $"SELECT {AccountStore.Columns} {AccountStore.From} {where} {Order} {page}";
}
