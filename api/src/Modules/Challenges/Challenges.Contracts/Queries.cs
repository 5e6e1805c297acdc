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

/// <summary>
/// A programme's challenges for its dashboard, aggregated in one pass: per batch how many challenges are in each state,
/// and every published challenge's field and publication time. Null when there is no such programme.
/// </summary>
public sealed record GetProgrammeOverview(Guid ProgrammeId) : IQuery<ProgrammeOverview?>;

public sealed record ProgrammeOverview(
    Guid Id,
    string Code,
    string Name,
    int TargetConsortia,
    int TargetYear,
    IReadOnlyList<BatchOverview> Batches,
    IReadOnlyList<PublishedChallenge> PublishedChallenges);

/// <summary>A batch with the number of its challenges in each state (states with none are left out).</summary>
public sealed record BatchOverview(Guid Id, string Code, string Name, IReadOnlyDictionary<ChallengeStatus, int> ChallengesByStatus);

/// <summary>A challenge that was published in a batch (whatever became of it since).</summary>
public sealed record PublishedChallenge(Guid Id, Guid BatchId, ChallengeField Field, DateTimeOffset PublishedAt);

/// <summary>A batch by its id (for modules that attach their own data to a batch); null when there is no such batch.</summary>
public sealed record GetBatchInfo(Guid BatchId) : IQuery<BatchInfo?>;

public sealed record BatchInfo(Guid Id, string Code, string Name, Guid ProgrammeId);
