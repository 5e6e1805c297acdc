using Mediator;

namespace Jiebang.Challenges.Contracts;

// What other modules ask the Challenges module to change, delivered through the outbox after their own change
// commits. Each carries the id of the record that caused it; handling one twice finds the challenge already moved and
// changes nothing.

/// <summary>A need-review round approved the challenge (from Review).</summary>
public sealed record ApproveChallengeNeed(Guid ChallengeId, Guid RoundId, string Reason) : ICommand;

/// <summary>A need-review round rejected the challenge (from Review).</summary>
public sealed record RejectChallengeNeed(Guid ChallengeId, Guid RoundId, string Reason) : ICommand;

/// <summary>An R&amp;D agreement was signed for the challenge: 揭榜成功 (from Funding).</summary>
public sealed record MarkChallengeAwarded(Guid ChallengeId, Guid AgreementId) : ICommand;

/// <summary>No applicant was selected for the challenge: 流榜 (from Review).</summary>
public sealed record MarkChallengeUnawarded(Guid ChallengeId, Guid RoundId, string Reason) : ICommand;

/// <summary>The project passed acceptance: 验收通过 (from Funding).</summary>
public sealed record MarkChallengeCompleted(Guid ChallengeId, Guid AgreementId) : ICommand;

/// <summary>The project was terminated (from Funding).</summary>
public sealed record MarkChallengeTerminated(Guid ChallengeId, Guid AgreementId, string Reason) : ICommand;
