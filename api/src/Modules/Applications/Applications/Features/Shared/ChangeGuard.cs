using Jiebang.Applications.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Features.Shared;

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
        if (now >= row.ClosesAt)
        {
            return ChallengeGate.WindowClosed();
        }
        if (expectedVersion is { } v && v != row.Version)
        {
            return Problems.VersionMismatch();
        }
        if (row.Status is not (ApplicationStatus.Draft or ApplicationStatus.Submitted))
        {
            return Problems.Conflict("application.invalid_state", $"当前状态（{row.Status}）不允许此操作", $"An application in state {row.Status} cannot be changed");
        }
        return null;
    }
}
