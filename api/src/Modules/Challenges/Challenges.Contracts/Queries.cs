using Mediator;

namespace Jiebang.Challenges.Contracts;

/// <summary>What other modules may know about a challenge: its owner, state, window and indicators.</summary>
public sealed record GetChallengeInfo(Guid ChallengeId) : IQuery<ChallengeInfo?>;

public sealed record ChallengeInfo(
    Guid Id,
    string Code,
    string Title,
    ChallengeField Field,
    Guid BatchId,
    Guid IssuerOrganisationId,
    string IssuerName,
    ChallengeStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ApplicationPhase Phase,
    IReadOnlyList<IndicatorInfo> Indicators);

public sealed record IndicatorInfo(Guid Id, int Ordinal, string Name, string Target, string? Unit);

/// <summary>A batch found by its code, with its published challenges in code order; null when there is no such batch.</summary>
public sealed record GetBatchChallenges(string BatchCode) : IQuery<BatchChallenges?>;

public sealed record BatchChallenges(Guid BatchId, string Code, IReadOnlyList<Guid> PublishedChallengeIds);
