using Mediator;

namespace Jiebang.Review.Contracts;

// Facts the Review module states; other modules (and the notifications) subscribe to them.

/// <summary>Scoring of a round started: its subjects (challenges or applications) are now under review.</summary>
public sealed record ReviewScoringOpened(Guid RoundId, ReviewRoundKind Kind, IReadOnlyList<Guid> SubjectIds) : INotification;

/// <summary>Scoring of a round ended; each subject with whether its results pass (推荐 / 未推荐). Decisions follow.</summary>
public sealed record ReviewRoundClosed(Guid RoundId, ReviewRoundKind Kind, IReadOnlyList<ReviewedSubject> Subjects) : INotification;

/// <summary>A subject of a closed round and whether its results passed the round's thresholds.</summary>
public sealed record ReviewedSubject(Guid SubjectId, bool Passed);

/// <summary>The issuer's matchmaking (对接) outcome for an application was recorded; Recommended says whether its results passed.</summary>
public sealed record MatchmakingRecorded(Guid RoundId, Guid ApplicationId, bool Matched, bool Recommended) : INotification;

/// <summary>An expert was put on an item of a round, automatically, as a replacement or by hand; it is to score the subject.</summary>
public sealed record ExpertAssigned(Guid RoundId, Guid AssignmentId, Guid ExpertId, Guid SubjectId) : INotification;

/// <summary>A round's decisions were publicised (公示) to its parties; objections may be filed until ObjectionsCloseAt.</summary>
public sealed record RoundPublicised(Guid RoundId, ReviewRoundKind Kind, DateTimeOffset ObjectionsCloseAt) : INotification;

/// <summary>An objection filed during publication was resolved: upheld (the item's decision may be recorded again) or dismissed.</summary>
public sealed record ObjectionResolved(Guid RoundId, Guid ObjectionId, Guid ItemId, Guid SubjectId, ObjectionStatus Outcome) : INotification;
