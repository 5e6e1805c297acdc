using Mediator;

namespace Jiebang.Challenges.Contracts;

// What the Challenges module tells others.

/// <summary>A batch was published with these challenges; their application windows are now defined.</summary>
public sealed record BatchPublished(Guid BatchId, IReadOnlyList<Guid> ChallengeIds, DateTimeOffset OpensAt, DateTimeOffset ClosesAt) : INotification;

/// <summary>The task force sent a submitted challenge to expert need review (需求论证).</summary>
public sealed record ChallengeSentToNeedReview(Guid ChallengeId, Guid BatchId, Guid IssuerOrganisationId, ChallengeField Field) : INotification;

// What other modules tell the Challenges module. Each carries the id of the event that caused it, so handling it
// twice changes nothing the second time.

/// <summary>A need-review round approved the challenge (from Review).</summary>
public sealed record ChallengeNeedApproved(Guid ChallengeId, Guid RoundId, string Reason) : INotification;

/// <summary>A need-review round rejected the challenge (from Review).</summary>
public sealed record ChallengeNeedRejected(Guid ChallengeId, Guid RoundId, string Reason) : INotification;

/// <summary>An R&amp;D agreement was signed for the challenge: 揭榜成功 (from Funding).</summary>
public sealed record ChallengeAwarded(Guid ChallengeId, Guid AgreementId) : INotification;

/// <summary>No applicant was selected for the challenge: 流榜 (from Review).</summary>
public sealed record ChallengeUnawarded(Guid ChallengeId, Guid RoundId, string Reason) : INotification;

/// <summary>The project passed acceptance: 验收通过 (from Funding).</summary>
public sealed record ChallengeCompleted(Guid ChallengeId, Guid AgreementId) : INotification;

/// <summary>The project was terminated (from Funding).</summary>
public sealed record ChallengeTerminated(Guid ChallengeId, Guid AgreementId, string Reason) : INotification;
