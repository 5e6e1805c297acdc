using Mediator;

namespace Jiebang.Applications.Contracts;

// Facts the Applications module states; other modules (and the notifications) subscribe to them.


/// <summary>An application was submitted (again: a new version) before the deadline.</summary>
public sealed record ApplicationSubmitted(Guid ApplicationId, Guid ChallengeId, Guid BatchId, Guid LeadOrganisationId, int Version) : INotification;

/// <summary>The formal check decided an application, or the task force overrode that decision.</summary>
public sealed record EligibilityDecided(Guid ApplicationId, Guid ChallengeId, EligibilityOutcome Outcome, bool Overridden) : INotification;
