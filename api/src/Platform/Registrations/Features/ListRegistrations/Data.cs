using Jiebang.Platform.Registrations.Data;

namespace Jiebang.Platform.Registrations.Features.ListRegistrations;

internal static class Data
{
    public const string From = "FROM platform_registration";

    // The oldest pending first would hide new ones on a long queue: newest first, as the task force reads it.
    public const string Order = "ORDER BY submitted_at DESC, id DESC";

    public static string Count(string where) => $"SELECT COUNT(*) {From} {where}";

    public static string Page(string where, string page) => $"SELECT {RegistrationStore.Columns} {From} {where} {Order} {page}";
}
