using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Mediator;

namespace Jiebang.Review.Features.Rounds.DeclareUnawarded;

/// <summary>
/// 流榜 for a challenge no review round can cover: its window has closed and not one application passed the formal check.
/// (A challenge whose applications were reviewed becomes Unawarded when that round is final with none selected.)
/// </summary>
internal sealed class Endpoint(WritePath writes, ISender sender) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/review/challenges/{id:guid}/unawarded");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Challenges_DeclareUnawarded", "Review",
                "无合格申报的技术需求流榜（申报期已截止、资格审查完成且无合格申报） / Declare 流榜 for a published challenge whose window closed without one eligible application")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409)
            .Codes(409, "review.challenge_has_eligible_applications", "review.challenge_not_closed", "review.formal_check_pending"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, token => CheckAsync(id, token), async (w, challenge) =>
        {
            var reason = req.Reason.Trim();
            await w.AuditAsync(RoundStore.Module, "Challenge", id, "DeclareUnawarded", new { challenge.Code, reason });
            // No round decided this; the challenge's own handler moves it and ignores a repeat.
            await w.PublishAsync(new MarkChallengeUnawarded(id, Guid.Empty, $"无合格申报（流榜）：{reason} / No eligible application"));
            // The answer shows the challenge as its handler left it.
            return Write.OkAfterDelivery(async token =>
                new Response { ChallengeId = id, Status = (await sender.Send(new GetChallengeInfo(id), token))!.Status });
        }, ct));
    }

    /// <summary>The challenge, when its window has closed without one eligible application (asked before the transaction opens).</summary>
    private async Task<ChallengeInfo> CheckAsync(Guid id, CancellationToken ct)
    {
        var challenge = Write.Found(await sender.Send(new GetChallengeInfo(id), ct), "challenge");
        Write.Require(challenge.Status == ChallengeStatus.Published && challenge.Phase == ApplicationPhase.Closed,
            Problems.Conflict("review.challenge_not_closed",
            $"技术需求当前为“{ChallengeStatusNames.Chinese(challenge.Status)}”、申报期{ChallengeStatusNames.Chinese(challenge.Phase)}，" +
            "须为已发榜且申报期已截止",
            $"The challenge is {ChallengeStatusNames.English(challenge.Status)} with its window " +
            $"{ChallengeStatusNames.English(challenge.Phase)}; it must be published with its window closed"));
        var counts = await sender.Send(new GetChallengeApplicationCounts(id), ct);
        Write.Require(counts.AwaitingCheck == 0, Problems.Conflict("review.formal_check_pending",
            $"尚有 {counts.AwaitingCheck} 份申报未经资格审查", $"{counts.AwaitingCheck} applications still await the formal check"));
        Write.Require(counts.Eligible == 0, Problems.Conflict("review.challenge_has_eligible_applications",
            $"该技术需求有 {counts.Eligible} 份合格申报，须经揭榜论证", $"The challenge has {counts.Eligible} eligible applications; they go through application review"));
        return challenge;
    }
}
