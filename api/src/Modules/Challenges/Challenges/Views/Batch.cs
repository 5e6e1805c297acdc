using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;

namespace Jiebang.Challenges.Views;

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

/// <summary>What defines a batch: its name and its application window in Asia/Shanghai calendar days.</summary>
internal class BatchContent
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    /// <summary>First day applications are accepted (Asia/Shanghai), from 00:00:00.</summary>
    public DateOnly OpensOn { get; set; }
    /// <summary>Last day applications are accepted (Asia/Shanghai), until 23:59:59.</summary>
    public DateOnly ClosesOn { get; set; }
    public string? Note { get; set; }
}
