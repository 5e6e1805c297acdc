using Mediator;

namespace Jiebang.Challenges.Contracts;

/// <summary>A batch by its id (for modules that attach their own data to a batch); null when there is no such batch.</summary>
public sealed record GetBatchInfo(Guid BatchId) : IQuery<BatchInfo?>;

public sealed record BatchInfo(Guid Id, string Code, string Name, Guid ProgrammeId);
