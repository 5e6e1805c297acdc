using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Challenges.Domain;

/// <summary>Why a challenge does not change, as the caller reads it.</summary>
internal static class ChallengeRefusals
{
    /// <summary>A move the caller may not make (most are for the issuing organisation's users only).</summary>
    public static IResult NotPermitted() =>
        Problems.Forbidden("只有发榜企业本单位用户可以执行此操作", "Only users of the issuing organisation may do this");

    /// <summary>A move <see cref="ChallengeLifecycle"/> does not allow from the current state.</summary>
    public static IResult InvalidTransition(ChallengeStatus from, ChallengeAction action) =>
        Problems.Conflict("challenge.invalid_transition", $"当前状态（{from}）不允许执行“{action}”操作", $"A challenge in state {from} cannot {action}");
}
