using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Challenges.RejectChallenge;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ChallengeDetail>
{
    public override void Configure()
    {
        Post("/api/v1/challenges/{id:guid}/reject");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Challenges_Reject", "Challenges", "不予通过（须说明理由） / Reject a challenge with a reason")
            .MoveAnswers<Request>(), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional), async w =>
        {
            var row = Write.Found(await ChallengeStore.LoadAsync(w, id), "challenge");
            Write.Require(w.Caller.IsTaskForce, ChallengeRefusals.NotPermitted());
            w.Matches(row.Version);
            Write.Require(ChallengeLifecycle.TryMove(row.Status, ChallengeAction.Reject, out var to),
                ChallengeRefusals.InvalidTransition(row.Status, ChallengeAction.Reject));
            await ChallengeStore.MoveAsync(w, row, ChallengeAction.Reject, to, req.Reason.Trim());
            var detail = (await ChallengeStore.DetailAsync(w.Connection, id, w.Now, w.Transaction))!;
            return Write.Ok(detail, detail.Version);
        }, ct));
    }
}
