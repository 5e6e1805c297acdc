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
