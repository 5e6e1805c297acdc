using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Auth;

namespace Jiebang.Challenges.Data;

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

/// <summary>Batches as stored: their window, status and the count of challenges published in them.</summary>
internal static class BatchStore
{
    public const string Entity = "Batch";

    private const string Columns = """
        b.id AS Id, b.programme_id AS ProgrammeId, b.code AS Code, b.name AS Name, b.name_en AS NameEn,
        b.opens_on AS OpensOn, b.closes_on AS ClosesOn, b.opens_at AS OpensAt, b.closes_at AS ClosesAt,
        b.status AS Status, b.published_at AS PublishedAt, b.note AS Note, b.is_demo AS IsDemo, b.version AS Version,
        (SELECT COUNT(*) FROM challenges_challenge c WHERE c.batch_id = b.id AND c.published_at IS NOT NULL) AS PublishedChallenges
        """;

    public const string Select = $"SELECT {Columns} FROM challenges_batch b";

    public const string CodeTaken = "SELECT COUNT(*) FROM challenges_batch WHERE code = @Code";

    public const string Insert = """
        INSERT INTO challenges_batch (id, programme_id, code, name, name_en, opens_on, closes_on, opens_at, closes_at, status,
            published_at, challenge_seq, is_demo, note, created_at, updated_at, version)
        VALUES (@Id, @ProgrammeId, @Code, @Name, @NameEn, @OpensOn, @ClosesOn, @OpensAt, @ClosesAt, @Status,
            @PublishedAt, 0, @IsDemo, @Note, @Now, @Now, 1)
        """;

    public const string IdByCode = "SELECT id FROM challenges_batch WHERE code = @Code";

    public const string Info = "SELECT id AS Id, code AS Code, name AS Name, programme_id AS ProgrammeId FROM challenges_batch WHERE id = @Id";

    /// <summary>"Window opened" and "window closed" events of published batches that the clock has passed and the feed lacks.</summary>
    public const string DueWindowEvents = """
        SELECT b.id AS Id, b.code AS Code, b.opens_at AS OpensAt, b.closes_at AS ClosesAt, @Opened AS Type
        FROM challenges_batch b
        WHERE b.status = @Published AND b.opens_at <= @Now
          AND NOT EXISTS (SELECT 1 FROM platform_feed_event e WHERE e.resource_id = b.id AND e.type = @Opened)
        UNION ALL
        SELECT b.id AS Id, b.code AS Code, b.opens_at AS OpensAt, b.closes_at AS ClosesAt, @Closed AS Type
        FROM challenges_batch b
        WHERE b.status = @Published AND b.closes_at <= @Now
          AND NOT EXISTS (SELECT 1 FROM platform_feed_event e WHERE e.resource_id = b.id AND e.type = @Closed)
        """;

    public static Task<BatchRow?> GetAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<BatchRow>($"{Select} WHERE b.id = @Id", new { Id = id }, tx);

    /// <summary>Stores a new batch with its window turned into instants; its challenge numbers start at 1.</summary>
    public static async Task<Guid> InsertAsync(DbConnection connection, DbTransaction tx, Guid programmeId, string code, string name,
        string? nameEn, DateOnly opensOn, DateOnly closesOn, BatchStatus status, bool isDemo, string? note, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        var window = new ApplicationWindow(opensOn, closesOn);
        await connection.ExecuteAsync(Insert, new
        {
            Id = id, ProgrammeId = programmeId, Code = code, Name = name, NameEn = nameEn,
            OpensOn = ChallengeStore.FormatDay(opensOn), ClosesOn = ChallengeStore.FormatDay(closesOn), window.OpensAt, window.ClosesAt,
            Status = status.ToString(), PublishedAt = status == BatchStatus.Published ? window.OpensAt : (DateTimeOffset?)null,
            IsDemo = isDemo, Note = note, Now = now,
        }, tx);
        return id;
    }

    internal sealed class InfoRow
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public Guid ProgrammeId { get; set; }
    }

    internal sealed class DueEvent
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public DateTimeOffset OpensAt { get; set; }
        public DateTimeOffset ClosesAt { get; set; }
        public string Type { get; set; } = "";
    }
}
