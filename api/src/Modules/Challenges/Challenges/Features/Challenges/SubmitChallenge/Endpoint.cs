using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Challenges.SubmitChallenge;

internal sealed class Endpoint(WritePath writes) : Endpoint<ReasonRequest, ChallengeDetail>
{
    public override void Configure()
    {
        Post("/api/v1/challenges/{id:guid}/submit");
        Roles(Platform.Auth.Roles.Issuer);
        Description(b => b.Api("Challenges_Submit", "Challenges", "提交技术需求供工作专班审核 / Submit a draft to the task force")
            .MoveAnswers<ReasonRequest>(), clearDefaults: true);
    }

    public override async Task HandleAsync(ReasonRequest req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional),
            w => ChallengeStore.StepAsync(w, id, ChallengeAction.Submit, row => row.IsOwnedBy(w.Caller), req.Reason), ct));
    }
}
