using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Auth;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Jiebang.Challenges.Integrations;

/// <summary>
/// Other modules' outcomes move challenges. A repeated notification finds the challenge already in the target
/// state and changes nothing; one that does not fit the current state is logged and ignored, never half-applied.
/// </summary>
internal sealed class LifecycleNotificationHandlers(ChallengeTransitions transitions, ILogger<LifecycleNotificationHandlers> logger) :
    ICommandHandler<ApproveChallengeNeed>,
    ICommandHandler<RejectChallengeNeed>,
    ICommandHandler<MarkChallengeAwarded>,
    ICommandHandler<MarkChallengeUnawarded>,
    ICommandHandler<MarkChallengeCompleted>,
    ICommandHandler<MarkChallengeTerminated>
{
    public ValueTask<Unit> Handle(ApproveChallengeNeed n, CancellationToken ct) => Move(n.ChallengeId, ChallengeAction.Approve, "Review", n.Reason, ct);

    public ValueTask<Unit> Handle(RejectChallengeNeed n, CancellationToken ct) => Move(n.ChallengeId, ChallengeAction.Reject, "Review", n.Reason, ct);

    public ValueTask<Unit> Handle(MarkChallengeAwarded n, CancellationToken ct) => Move(n.ChallengeId, ChallengeAction.Award, "Funding", $"agreement {n.AgreementId}", ct);

    public ValueTask<Unit> Handle(MarkChallengeUnawarded n, CancellationToken ct) => Move(n.ChallengeId, ChallengeAction.Unaward, "Review", n.Reason, ct);

    public ValueTask<Unit> Handle(MarkChallengeCompleted n, CancellationToken ct) => Move(n.ChallengeId, ChallengeAction.Complete, "Funding", $"agreement {n.AgreementId}", ct);

    public ValueTask<Unit> Handle(MarkChallengeTerminated n, CancellationToken ct) => Move(n.ChallengeId, ChallengeAction.Terminate, "Funding", n.Reason, ct);

    private async ValueTask<Unit> Move(Guid challengeId, ChallengeAction action, string source, string? reason, CancellationToken ct)
    {
        var result = await transitions.ApplyAsync(challengeId, action, Caller.SystemFor(source), _ => true, null, reason, ct);
        if (result.Outcome is not (TransitionOutcome.Moved or TransitionOutcome.AlreadyThere))
        {
            logger.LogWarning("Challenge {ChallengeId}: {Action} from {Source} ignored ({Outcome}, state {State})",
                challengeId, action, source, result.Outcome, result.From);
        }
        return Unit.Value;
    }
}
