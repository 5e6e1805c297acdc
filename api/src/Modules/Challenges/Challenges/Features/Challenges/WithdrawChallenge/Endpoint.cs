using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Challenges.WithdrawChallenge;

internal sealed class Endpoint(WritePath writes) : Endpoint<ReasonRequest, ChallengeDetail>
{
    public override void Configure()
    {
        Post("/api/v1/challenges/{id:guid}/withdraw");
        Roles(Platform.Auth.Roles.Issuer);
        Description(b => b.Api("Challenges_Withdraw", "Challenges", "撤回草稿或已提交的技术需求 / Withdraw a draft or submitted challenge")
            .MoveAnswers<ReasonRequest>(), clearDefaults: true);
    }

    public override async Task HandleAsync(ReasonRequest req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional),
            w => ChallengeStore.StepAsync(w, id, ChallengeAction.Withdraw, row => row.IsOwnedBy(w.Caller), req.Reason), ct));
    }
}
