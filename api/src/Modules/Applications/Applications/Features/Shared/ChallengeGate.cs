using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Time;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Features.Shared;

/// <summary>Asks the Challenges module about a challenge and says whether applications may change now.</summary>
internal sealed class ChallengeGate(ISender sender)
{
    public async Task<ChallengeInfo?> PublishedAsync(Guid challengeId, CancellationToken ct)
    {
        var info = await sender.Send(new GetChallengeInfo(challengeId), ct);
        return info is { Status: ChallengeStatus.Published } ? info : null;
    }

    /// <summary>Before the window opens: a distinct code, saying when it opens (Asia/Shanghai).</summary>
    public static IResult WindowNotOpen(DateTimeOffset opensAt)
    {
        var local = Shanghai.ToLocal(opensAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Conflict("application.window_not_open",
            $"申报期尚未开始，将于{local}（北京时间）开始", $"The application window is not open yet; it opens at {local} (Asia/Shanghai)");
    }

    /// <summary>The refusal for the window's phase: not yet open, or closed.</summary>
    public static IResult OutsideWindow(ChallengeInfo? challenge) => challenge is { Phase: ApplicationPhase.NotYetOpen }
        ? WindowNotOpen(challenge.OpensAt)
        : WindowClosed();

    public static IResult WindowClosed() => Problems.Conflict("application.window_closed",
        "申报期已截止，不能再修改、提交或撤回", "The application window has closed; nothing can be changed, submitted or withdrawn");
}
