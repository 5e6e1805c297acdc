using Jiebang.Platform.Errors;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Domain;

/// <summary>A step of a round's lifecycle: the state it starts from, the state it leads to, and its name in the state error and the audit log.</summary>
internal sealed record RoundTransition(ReviewRoundStatus From, ReviewRoundStatus To, string ActionZh, string Audit)
{
    /// <summary>Refuses with review.round_invalid_state unless the round is in the state this step starts from.</summary>
    public void RequireFrom(ReviewRoundStatus status) => Write.Require(status == From, RoundLifecycle.InvalidState(status, ActionZh));
}

/// <summary>
/// The review round state machine: Draft → Assigning → Scoring → Closed → Decided → Publicised → Final, which step moves
/// the round from which state, and what each state allows. Nothing else changes a round's status.
/// </summary>
internal static class RoundLifecycle
{
    /// <summary>Automatic assignment moves a draft to Assigning (and keeps an assigning round there).</summary>
    public const ReviewRoundStatus AssignTo = ReviewRoundStatus.Assigning;

    public static RoundTransition OpenScoring { get; } = new(ReviewRoundStatus.Assigning, ReviewRoundStatus.Scoring, "开始评分", "OpenScoring");

    public static RoundTransition Close { get; } = new(ReviewRoundStatus.Scoring, ReviewRoundStatus.Closed, "结束评分", "Close");

    public static RoundTransition Decide { get; } = new(ReviewRoundStatus.Closed, ReviewRoundStatus.Decided, "确定决定", "Decided");

    public static RoundTransition Publicise { get; } = new(ReviewRoundStatus.Decided, ReviewRoundStatus.Publicised, "公示", "Publicise");

    public static RoundTransition Finalise { get; } = new(ReviewRoundStatus.Publicised, ReviewRoundStatus.Final, "定案", "Finalise");

    /// <summary>Only a draft's settings (rubric, thresholds, counts, window, visibility) may change.</summary>
    public static bool IsEditable(ReviewRoundStatus status) => status == ReviewRoundStatus.Draft;

    /// <summary>Items are added, and experts assigned automatically, before scoring opens.</summary>
    public static bool TakesItems(ReviewRoundStatus status) => status is ReviewRoundStatus.Draft or ReviewRoundStatus.Assigning;

    /// <summary>The task force assigns, removes and replaces experts by hand until scoring closes.</summary>
    public static bool TakesHandAssignments(ReviewRoundStatus status) =>
        status is ReviewRoundStatus.Draft or ReviewRoundStatus.Assigning or ReviewRoundStatus.Scoring;

    /// <summary>An expert may decline or recuse once assigned and until scoring closes.</summary>
    public static bool TakesDeclines(ReviewRoundStatus status) => status is ReviewRoundStatus.Assigning or ReviewRoundStatus.Scoring;

    /// <summary>Scoring has closed: results exist and scores are no longer sealed.</summary>
    public static bool IsPastScoring(ReviewRoundStatus status) =>
        status is not (ReviewRoundStatus.Draft or ReviewRoundStatus.Assigning or ReviewRoundStatus.Scoring);

    /// <summary>The decisions are public to the round's parties.</summary>
    public static bool IsPublished(ReviewRoundStatus status) => status is ReviewRoundStatus.Publicised or ReviewRoundStatus.Final;

    public static IResult InvalidState(ReviewRoundStatus status, string action) =>
        Problems.Conflict("review.round_invalid_state", $"论证轮次当前状态（{status}）不允许{action}", $"A round in state {status} does not allow this");

    /// <summary>Refuses with review.round_invalid_state unless <paramref name="allowed"/> holds for the round's state.</summary>
    public static void Require(ReviewRoundStatus status, Func<ReviewRoundStatus, bool> allowed, string action) =>
        Write.Require(allowed(status), InvalidState(status, action));
}
