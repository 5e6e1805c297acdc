using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Auth;
using Mediator;

namespace Jiebang.Challenges.Features.SendChallengeToReview;

internal sealed class Endpoint(ChallengeTransitions transitions) : TransitionEndpoint<ReasonRequest>(transitions)
{
    protected override ChallengeAction Action => ChallengeAction.SendToReview;

    public override void Configure() => Document("/api/v1/challenges/{id:guid}/send-to-review", Platform.Auth.Roles.TaskForce, "Challenges_SendToReview",
        "送专家需求论证 / Send a submitted challenge to expert need review");

    protected override bool MayAct(Caller caller, ChallengeRow row) => caller.IsTaskForce;

    protected override string? ReasonOf(ReasonRequest req) => req.Reason;
}
