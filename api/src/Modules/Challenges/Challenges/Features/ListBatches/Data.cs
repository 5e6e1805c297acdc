using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Auth;

namespace Jiebang.Challenges.Features.ListBatches;

internal sealed class BatchRow
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? NameEn { get; init; }
    public string OpensOn { get; init; } = "";
    public string ClosesOn { get; init; } = "";
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public BatchStatus Status { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public int PublishedChallenges { get; init; }
    public string? Note { get; init; }
    public bool IsDemo { get; init; }
    public int Version { get; init; }

    public Batch ToBatch(DateTimeOffset now) => new()
    {
        Id = Id, ProgrammeId = ProgrammeId, Code = Code, Name = Name, NameEn = NameEn,
        OpensOn = ChallengeStore.ParseDay(OpensOn), ClosesOn = ChallengeStore.ParseDay(ClosesOn),
        OpensAt = OpensAt, ClosesAt = ClosesAt, Phase = ApplicationWindow.PhaseAt(OpensAt, ClosesAt, now),
        Status = Status, PublishedAt = PublishedAt, PublishedChallenges = PublishedChallenges, Note = Note,
        IsDemo = IsDemo, Version = Version,
    };

    /// <summary>Draft batches are internal: task force, auditors, and issuers proposing needs into them.</summary>
    public bool IsVisibleTo(Caller caller) => Status == BatchStatus.Published || caller.ReadsEverything || caller.IsIssuer;
}

internal static class BatchQueries
{
    private const string Columns = """
        b.id AS Id, b.programme_id AS ProgrammeId, b.code AS Code, b.name AS Name, b.name_en AS NameEn,
        b.opens_on AS OpensOn, b.closes_on AS ClosesOn, b.opens_at AS OpensAt, b.closes_at AS ClosesAt,
        b.status AS Status, b.published_at AS PublishedAt, b.note AS Note, b.is_demo AS IsDemo, b.version AS Version,
        (SELECT COUNT(*) FROM challenges_challenge c WHERE c.batch_id = b.id AND c.published_at IS NOT NULL) AS PublishedChallenges
        """;

    public const string Select = $"SELECT {Columns} FROM challenges_batch b";

    public static Task<BatchRow?> GetAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<BatchRow>($"{Select} WHERE b.id = @Id", new { Id = id }, tx);
}
