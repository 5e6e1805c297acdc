using Mediator;

namespace Jiebang.Review.Contracts;

/// <summary>What a review round judges: technical needs before publication (需求论证) or eligible applications (揭榜论证).</summary>
public enum ReviewRoundKind
{
    NeedReview,
    ApplicationReview,
}

/// <summary>The lifecycle of a review round; Decided, Publicised and Final follow Closed.</summary>
public enum ReviewRoundStatus
{
    Draft,
    Assigning,
    Scoring,
    Closed,
    Decided,
    Publicised,
    Final,
}

/// <summary>Scoring of a round ended; results can be computed and decisions recorded.</summary>
public sealed record ReviewRoundClosed(Guid RoundId, ReviewRoundKind Kind, IReadOnlyList<Guid> SubjectIds) : INotification;

/// <summary>The task force's decision on an item: for need rounds the challenge is approved or rejected, for application rounds the application is selected or not.</summary>
public enum ReviewDecisionOutcome
{
    Pass,
    Fail,
}

/// <summary>An objection filed during publication (公示).</summary>
public enum ObjectionStatus
{
    Open,
    Upheld,
    Dismissed,
}
