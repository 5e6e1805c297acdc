using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Writes;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Jiebang.Challenges.Integrations;

/// <summary>
/// Other modules' outcomes move challenges. A repeated command finds the challenge already in the target state and
/// changes nothing; one that does not fit the current state is logged and ignored, never half-applied.
/// </summary>
internal sealed class LifecycleNotificationHandlers(WritePath writes, ILogger<LifecycleNotificationHandlers> logger) :
    ICommandHandler<ApproveChallengeNeed>,
    ICommandHandler<RejectChallengeNeed>,
    ICommandHandler<MarkChallengeAwarded>,
    ICommandHandler<MarkChallengeUnawarded>,
    ICommandHandler<MarkChallengeCompleted>,
    ICommandHandler<MarkChallengeTerminated>
{
    private enum Outcome
    {
        Moved,
        AlreadyThere,
        NotFound,
        InvalidState,
        VersionMismatch,
    }

    public ValueTask<Unit> Handle(ApproveChallengeNeed n, CancellationToken ct) => Move(n.ChallengeId, ChallengeAction.Approve, "Review", n.Reason, ct);

    public ValueTask<Unit> Handle(RejectChallengeNeed n, CancellationToken ct) => Move(n.ChallengeId, ChallengeAction.Reject, "Review", n.Reason, ct);

    public ValueTask<Unit> Handle(MarkChallengeAwarded n, CancellationToken ct) =>
        Move(n.ChallengeId, ChallengeAction.Award, "Funding", $"agreement {n.AgreementId}", ct);

    public ValueTask<Unit> Handle(MarkChallengeUnawarded n, CancellationToken ct) => Move(n.ChallengeId, ChallengeAction.Unaward, "Review", n.Reason, ct);

    public ValueTask<Unit> Handle(MarkChallengeCompleted n, CancellationToken ct) =>
        Move(n.ChallengeId, ChallengeAction.Complete, "Funding", $"agreement {n.AgreementId}", ct);

    public ValueTask<Unit> Handle(MarkChallengeTerminated n, CancellationToken ct) => Move(n.ChallengeId, ChallengeAction.Terminate, "Funding", n.Reason, ct);

    private async ValueTask<Unit> Move(Guid challengeId, ChallengeAction action, string source, string? reason, CancellationToken ct)
    {
        ChallengeStatus? from = null;
        Outcome outcome;
        try
        {
            outcome = await writes.ExecuteAsync(Caller.SystemFor(source), async w =>
            {
                var row = await ChallengeStore.LoadAsync(w, challengeId);
                if (row is null)
                {
                    return Outcome.NotFound;
                }
                from = row.Status;
                if (!ChallengeLifecycle.TryMove(row.Status, action, out var to))
                {
                    return row.Status == ChallengeLifecycle.TargetOf(action) ? Outcome.AlreadyThere : Outcome.InvalidState;
                }
                await ChallengeStore.MoveAsync(w, row, action, to, reason);
                return Outcome.Moved;
            }, ct);
        }
        catch (WriteRefused)
        {
            // Another writer changed the challenge between reading and writing it; nothing was stored.
            outcome = Outcome.VersionMismatch;
        }
        if (outcome is not (Outcome.Moved or Outcome.AlreadyThere))
        {
            logger.LogWarning("Challenge {ChallengeId}: {Action} from {Source} ignored ({Outcome}, state {State})",
                challengeId, action, source, outcome, from);
        }
        return Unit.Value;
    }
}
