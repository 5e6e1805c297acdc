using FastEndpoints;
using FluentValidation;
using Jiebang.Challenges.Contracts;

namespace Jiebang.Challenges.Features.ListBatches;

internal enum BatchStatus
{
    /// <summary>Collecting and reviewing needs; not visible to the public.</summary>
    Draft,
    /// <summary>Published as a whole with its approved challenges.</summary>
    Published,
}

/// <summary>A batch of challenges (榜单批次) with its application window in Asia/Shanghai days.</summary>
internal sealed class Batch
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? NameEn { get; init; }
    /// <summary>First day of the application window (Asia/Shanghai).</summary>
    public DateOnly OpensOn { get; set; }
    /// <summary>Last day of the application window (Asia/Shanghai), open until 23:59:59.</summary>
    public DateOnly ClosesOn { get; set; }
    public DateTimeOffset OpensAt { get; init; }
    /// <summary>First instant after the window (exclusive end), UTC.</summary>
    public DateTimeOffset ClosesAt { get; init; }
    public string TimeZone { get; init; } = Platform.Time.Shanghai.ZoneId;
    public ApplicationPhase Phase { get; set; }
    public BatchStatus Status { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>Published challenges in the batch.</summary>
    public int PublishedChallenges { get; init; }
    public string? Note { get; init; }
    public bool IsDemo { get; init; }
    public int Version { get; init; }
}

internal sealed class Request
{
    /// <summary>Only batches of this programme.</summary>
    public Guid? Programme { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Programme).NotEqual(Guid.Empty);
    }
}
