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
