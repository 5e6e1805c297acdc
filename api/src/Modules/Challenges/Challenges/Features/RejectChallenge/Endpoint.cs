using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Auth;

namespace Jiebang.Challenges.Features.RejectChallenge;

internal sealed class Endpoint(ChallengeTransitions transitions) : TransitionEndpoint<Request>(transitions)
{
    protected override ChallengeAction Action => ChallengeAction.Reject;

    public override void Configure() => Document("/api/v1/challenges/{id:guid}/reject", Platform.Auth.Roles.TaskForce, "Challenges_Reject",
        "不予通过（须说明理由） / Reject a challenge with a reason");

    protected override bool MayAct(Caller caller, ChallengeRow row) => caller.IsTaskForce;

    protected override string? ReasonOf(Request req) => req.Reason.Trim();
}
