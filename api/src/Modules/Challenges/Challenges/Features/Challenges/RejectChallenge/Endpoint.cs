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
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional),
            w => ChallengeStore.StepAsync(w, id, ChallengeAction.Reject, _ => w.Caller.IsTaskForce, req.Reason.Trim()), ct));
    }
}
