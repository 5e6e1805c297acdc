using Jiebang.Applications.Data;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Domain;

/// <summary>Who may change an application, and when: the checks every applicant-side change makes, in one order.</summary>
internal static class ChangeGuard
{
    public static IResult? Refusal(ApplicationRow? row, Caller caller, DateTimeOffset now, int? expectedVersion)
    {
        if (row is null || !row.IsVisibleTo(caller, now))
        {
            return Problems.NotFound("application");
        }
        if (!row.MayEdit(caller))
        {
            return Problems.Forbidden("只有牵头单位或其所在区门户可以修改申报书", "Only the lead organisation or its district portal may change the application");
        }
        return Timing(row, now, expectedVersion);
    }

    /// <summary>
    /// The checks every change makes once the caller is known to act for the application (its lead, or a member confirming):
    /// before the deadline, on the version the caller read, while the application is a draft or submitted.
    /// </summary>
    public static IResult? Timing(ApplicationRow row, DateTimeOffset now, int? expectedVersion)
    {
        if (ApplicationWindow.IsClosed(row.ClosesAt, now))
        {
            return ApplicationWindow.Closed();
        }
        if (expectedVersion is { } v && v != row.Version)
        {
            return Problems.VersionMismatch();
        }
        if (!ApplicationLifecycle.IsChangeable(row.Status))
        {
            return Problems.Conflict("application.invalid_state",
                "只有草稿或已提交、尚未进入资格审查的申报书可以修改", "Only a draft, or a submitted application not yet checked, can be changed");
        }
        return null;
    }

    /// <summary>Refuses (throws <see cref="Platform.Writes.WriteRefused"/>) unless the caller may change the row now.</summary>
    public static ApplicationRow Check(ApplicationRow? row, Caller caller, DateTimeOffset now, int? expectedVersion) =>
        Refusal(row, caller, now, expectedVersion) is { } refusal ? throw Platform.Writes.Write.Refuse(refusal) : row!;
}
