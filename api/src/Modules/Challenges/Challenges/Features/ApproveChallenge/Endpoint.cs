using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Auth;

namespace Jiebang.Challenges.Features.ApproveChallenge;

internal sealed class Endpoint(ChallengeTransitions transitions) : TransitionEndpoint<ReasonRequest>(transitions)
{
    protected override ChallengeAction Action => ChallengeAction.Approve;

    public override void Configure() => Document("/api/v1/challenges/{id:guid}/approve", Platform.Auth.Roles.TaskForce, "Challenges_Approve",
        "审核通过技术需求 / Approve a challenge for publication");

    protected override bool MayAct(Caller caller, ChallengeRow row) => caller.IsTaskForce;

    protected override string? ReasonOf(ReasonRequest req) => req.Reason;
}
