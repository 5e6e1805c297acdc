using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Challenges.SendChallengeToReview;

internal sealed class Endpoint(WritePath writes) : Endpoint<ReasonRequest, ChallengeDetail>
{
    public override void Configure()
    {
        Post("/api/v1/challenges/{id:guid}/send-to-review");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Challenges_SendToReview", "Challenges", "送专家需求论证 / Send a submitted challenge to expert need review")
            .MoveAnswers<ReasonRequest>(), clearDefaults: true);
    }

    public override async Task HandleAsync(ReasonRequest req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional),
            w => ChallengeStore.StepAsync(w, id, ChallengeAction.SendToReview, _ => w.Caller.IsTaskForce, req.Reason), ct));
    }
}
