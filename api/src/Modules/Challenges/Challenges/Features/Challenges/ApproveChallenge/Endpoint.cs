using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Challenges.ApproveChallenge;

internal sealed class Endpoint(WritePath writes) : Endpoint<ReasonRequest, ChallengeDetail>
{
    public override void Configure()
    {
        Post("/api/v1/challenges/{id:guid}/approve");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Challenges_Approve", "Challenges", "审核通过技术需求 / Approve a challenge for publication")
            .MoveAnswers<ReasonRequest>(), clearDefaults: true);
    }

    public override async Task HandleAsync(ReasonRequest req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional),
            w => ChallengeStore.StepAsync(w, id, ChallengeAction.Approve, _ => w.Caller.IsTaskForce, req.Reason), ct));
    }
}
