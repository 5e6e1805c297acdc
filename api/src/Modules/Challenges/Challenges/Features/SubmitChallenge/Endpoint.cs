using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Auth;

namespace Jiebang.Challenges.Features.SubmitChallenge;

internal sealed class Endpoint(ChallengeTransitions transitions) : TransitionEndpoint<ReasonRequest>(transitions)
{
    protected override ChallengeAction Action => ChallengeAction.Submit;

    public override void Configure() => Document("/api/v1/challenges/{id:guid}/submit", Platform.Auth.Roles.Issuer, "Challenges_Submit",
        "提交技术需求供工作专班审核 / Submit a draft to the task force");

    protected override bool MayAct(Caller caller, ChallengeRow row) => row.IsOwnedBy(caller);

    protected override string? ReasonOf(ReasonRequest req) => req.Reason;
}
