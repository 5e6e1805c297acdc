using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Auth;

namespace Jiebang.Challenges.Features.WithdrawChallenge;

internal sealed class Endpoint(ChallengeTransitions transitions) : TransitionEndpoint<ReasonRequest>(transitions)
{
    protected override ChallengeAction Action => ChallengeAction.Withdraw;

    public override void Configure() => Document("/api/v1/challenges/{id:guid}/withdraw", Platform.Auth.Roles.Issuer, "Challenges_Withdraw",
        "撤回草稿或已提交的技术需求 / Withdraw a draft or submitted challenge");

    protected override bool MayAct(Caller caller, ChallengeRow row) => row.IsOwnedBy(caller);

    protected override string? ReasonOf(ReasonRequest req) => req.Reason;
}
