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

/// <summary>Who may see other experts' submitted scores before the round closes; after it closes an expert may see its items' anonymous sheets.</summary>
public enum ReviewVisibility
{
    /// <summary>No expert sees another's scores until the round closes (the default).</summary>
    SealedUntilClose,
    /// <summary>An expert who has submitted its own sheet for an item may see the others' submitted sheets for it, without names.</summary>
    AfterOwnSubmission,
}

/// <summary>
/// The task force's decision on an item: for need rounds the challenge is approved or rejected, for application rounds the application is selected or not.
/// </summary>
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
