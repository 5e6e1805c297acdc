using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Errors;
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

    public static IResult WindowClosed() => Problems.Conflict("application.window_closed",
        "申报期已截止，不能再修改、提交或撤回", "The application window has closed; nothing can be changed, submitted or withdrawn");
}
