using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Time;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Domain;

/// <summary>
/// The one judgement of the application window: open from <c>opensAt</c> (inclusive) to <c>closesAt</c> (the first instant
/// after it). Creating, changing, submitting, withdrawing and confirming ask it, and nothing else decides "open" or "closed".
/// </summary>
internal static class ApplicationWindow
{
    public static ApplicationPhase PhaseAt(DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) =>
        now < opensAt ? ApplicationPhase.NotYetOpen
        : now < closesAt ? ApplicationPhase.Open
        : ApplicationPhase.Closed;

    /// <summary>Past the deadline (a stored application knows its deadline only).</summary>
    public static bool IsClosed(DateTimeOffset closesAt, DateTimeOffset now) => now >= closesAt;

    /// <summary>The refusal for a challenge whose window is not open at <paramref name="now"/> (none for an unknown challenge: closed).</summary>
    public static IResult? Refusal(ChallengeInfo? challenge, DateTimeOffset now) =>
        challenge is null ? Closed()
        : PhaseAt(challenge.OpensAt, challenge.ClosesAt, now) switch
        {
            ApplicationPhase.NotYetOpen => NotOpen(challenge.OpensAt),
            ApplicationPhase.Closed => Closed(),
            _ => null,
        };

    /// <summary>Before the window opens: a distinct code, saying when it opens (Asia/Shanghai).</summary>
    public static IResult NotOpen(DateTimeOffset opensAt)
    {
        var local = Shanghai.ToLocal(opensAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Conflict("application.window_not_open",
            $"申报期尚未开始，将于{local}（北京时间）开始", $"The application window is not open yet; it opens at {local} (Asia/Shanghai)");
    }

    public static IResult Closed() => Problems.Conflict("application.window_closed",
        "申报期已截止，不能再修改、提交或撤回", "The application window has closed; nothing can be changed, submitted or withdrawn");
}
