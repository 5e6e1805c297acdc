using Jiebang.Challenges.Contracts;

namespace Jiebang.Challenges.Domain;

internal enum ChallengeAction
{
    Submit,
    Withdraw,
    SendToReview,
    Approve,
    Reject,
    Publish,
    Award,
    Unaward,
    Complete,
    Terminate,
}

/// <summary>The challenge state machine: which action moves which state where. Nothing else changes a status.</summary>
internal static class ChallengeLifecycle
{
    private static readonly Dictionary<(ChallengeStatus, ChallengeAction), ChallengeStatus> Moves = new()
    {
        [(ChallengeStatus.Draft, ChallengeAction.Submit)] = ChallengeStatus.Submitted,
        [(ChallengeStatus.Draft, ChallengeAction.Withdraw)] = ChallengeStatus.Withdrawn,
        [(ChallengeStatus.Submitted, ChallengeAction.Withdraw)] = ChallengeStatus.Withdrawn,
        [(ChallengeStatus.Submitted, ChallengeAction.SendToReview)] = ChallengeStatus.UnderReview,
        [(ChallengeStatus.Submitted, ChallengeAction.Approve)] = ChallengeStatus.Approved,
        [(ChallengeStatus.Submitted, ChallengeAction.Reject)] = ChallengeStatus.Rejected,
        [(ChallengeStatus.UnderReview, ChallengeAction.Approve)] = ChallengeStatus.Approved,
        [(ChallengeStatus.UnderReview, ChallengeAction.Reject)] = ChallengeStatus.Rejected,
        [(ChallengeStatus.Approved, ChallengeAction.Publish)] = ChallengeStatus.Published,
        [(ChallengeStatus.Published, ChallengeAction.Award)] = ChallengeStatus.Awarded,
        [(ChallengeStatus.Published, ChallengeAction.Unaward)] = ChallengeStatus.Unawarded,
        [(ChallengeStatus.Published, ChallengeAction.Terminate)] = ChallengeStatus.Terminated,
        [(ChallengeStatus.Awarded, ChallengeAction.Complete)] = ChallengeStatus.Completed,
        [(ChallengeStatus.Awarded, ChallengeAction.Terminate)] = ChallengeStatus.Terminated,
    };

    public static bool TryMove(ChallengeStatus from, ChallengeAction action, out ChallengeStatus to) =>
        Moves.TryGetValue((from, action), out to);

    /// <summary>The state an action leads to from any state; used to recognise a repeated notification.</summary>
    public static ChallengeStatus TargetOf(ChallengeAction action) => Moves.First(m => m.Key.Item2 == action).Value;

    /// <summary>Only drafts are edited; after submission the text is what the task force and experts judged.</summary>
    public static bool IsEditable(ChallengeStatus status) => status == ChallengeStatus.Draft;

    /// <summary>States everyone may see, anonymous callers and district portals included.</summary>
    public static bool IsPublic(ChallengeStatus status) => status is ChallengeStatus.Published or ChallengeStatus.Awarded
        or ChallengeStatus.Unawarded or ChallengeStatus.Completed or ChallengeStatus.Terminated;

    public static readonly ChallengeStatus[] PublicStatuses =
        Enum.GetValues<ChallengeStatus>().Where(IsPublic).ToArray();

    /// <summary>
    /// The public statuses as a SQL list of constants, built from the enum (never from input). A bound list would
    /// not be portable: Dapper expands it on SQLite and SQL Server but passes a PostgreSQL array.
    /// </summary>
    public static readonly string PublicStatusesSql =
        "(" + string.Join(", ", PublicStatuses.Select(s => $"'{s}'")) + ")";
}
