using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Views;

namespace Jiebang.Challenges.Data;

/// <summary>Programmes as stored, and what the programme dashboard asks about them.</summary>
internal static class ProgrammeStore
{
    private const string Columns = """
        id AS Id, code AS Code, name AS Name, name_en AS NameEn, operator_name AS OperatorName, description AS Description,
        target_consortia AS TargetConsortia, target_year AS TargetYear, is_demo AS IsDemo, created_at AS CreatedAt, version AS Version
        """;

    public const string All = $"SELECT {Columns} FROM challenges_programme ORDER BY created_at, code";

    private const string One = $"SELECT {Columns} FROM challenges_programme WHERE id = @Id";

    public const string Exists = "SELECT COUNT(*) FROM challenges_programme WHERE id = @ProgrammeId";

    public const string CodeTaken = "SELECT COUNT(*) FROM challenges_programme WHERE code = @Code";

    public const string Insert = """
        INSERT INTO challenges_programme (id, code, name, name_en, operator_name, description, target_consortia, target_year,
            is_demo, created_at, updated_at, version)
        VALUES (@Id, @Code, @Name, @NameEn, @OperatorName, @Description, @TargetConsortia, @TargetYear, @IsDemo, @Now, @Now, 1)
        """;

    public static Task<Programme?> GetAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<Programme>(One, new { Id = id }, tx);

    public const string Overview = """
        SELECT id AS Id, code AS Code, name AS Name, target_consortia AS TargetConsortia, target_year AS TargetYear
        FROM challenges_programme WHERE id = @Id
        """;

    public const string OverviewCounts = """
        SELECT b.id AS BatchId, b.code AS Code, b.name AS Name, b.opens_at AS OpensAt, c.status AS Status, COUNT(c.id) AS Count
        FROM challenges_batch b LEFT JOIN challenges_challenge c ON c.batch_id = b.id
        WHERE b.programme_id = @Id
        GROUP BY b.id, b.code, b.name, b.opens_at, c.status
        """;

    public const string OverviewPublished = """
        SELECT c.id AS Id, c.batch_id AS BatchId, c.field AS Field, c.published_at AS PublishedAt
        FROM challenges_challenge c JOIN challenges_batch b ON b.id = c.batch_id
        WHERE b.programme_id = @Id AND c.published_at IS NOT NULL
        """;

    internal sealed class OverviewRow
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public int TargetConsortia { get; set; }
        public int TargetYear { get; set; }
    }

    internal sealed class CountRow
    {
        public Guid BatchId { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public DateTimeOffset OpensAt { get; set; }
        public string? Status { get; set; }
        public long Count { get; set; }
    }

    internal sealed class PublishedRow
    {
        public Guid Id { get; set; }
        public Guid BatchId { get; set; }
        public Contracts.ChallengeField Field { get; set; }
        public DateTimeOffset PublishedAt { get; set; }
    }
}
