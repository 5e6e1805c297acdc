using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Database;
using Mediator;

namespace Jiebang.Challenges.Integrations;

/// <summary>
/// Answers the programme dashboard's questions about challenges with three queries whatever the programme's size:
/// the programme, state counts grouped in SQL per batch, and the published challenges' field and publication time.
/// </summary>
internal sealed class GetProgrammeOverviewHandler(DbConnectionFactory db) : IQueryHandler<GetProgrammeOverview, ProgrammeOverview?>
{
    private const string SelectProgramme = """
        SELECT id AS Id, code AS Code, name AS Name, target_consortia AS TargetConsortia, target_year AS TargetYear
        FROM challenges_programme WHERE id = @Id
        """;

    private const string SelectCounts = """
        SELECT b.id AS BatchId, b.code AS Code, b.name AS Name, b.opens_at AS OpensAt, c.status AS Status, COUNT(c.id) AS Count
        FROM challenges_batch b LEFT JOIN challenges_challenge c ON c.batch_id = b.id
        WHERE b.programme_id = @Id
        GROUP BY b.id, b.code, b.name, b.opens_at, c.status
        """;

    private const string SelectPublished = """
        SELECT c.id AS Id, c.batch_id AS BatchId, c.field AS Field, c.published_at AS PublishedAt
        FROM challenges_challenge c JOIN challenges_batch b ON b.id = c.batch_id
        WHERE b.programme_id = @Id AND c.published_at IS NOT NULL
        """;

    private sealed class ProgrammeRow
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public int TargetConsortia { get; set; }
        public int TargetYear { get; set; }
    }

    private sealed class CountRow
    {
        public Guid BatchId { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public DateTimeOffset OpensAt { get; set; }
        public string? Status { get; set; }
        public long Count { get; set; }
    }

    private sealed class PublishedRow
    {
        public Guid Id { get; set; }
        public Guid BatchId { get; set; }
        public ChallengeField Field { get; set; }
        public DateTimeOffset PublishedAt { get; set; }
    }

    public async ValueTask<ProgrammeOverview?> Handle(GetProgrammeOverview query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var programme = await connection.QuerySingleOrDefaultAsync<ProgrammeRow>(SelectProgramme, new { Id = query.ProgrammeId });
        if (programme is null)
        {
            return null;
        }
        var counts = await connection.QueryAsync<CountRow>(SelectCounts, new { Id = query.ProgrammeId });
        var batches = counts.GroupBy(r => r.BatchId)
            .Select(g => (First: g.First(), Counts: g.Where(r => r.Status is not null && r.Count > 0)
                .ToDictionary(r => Enum.Parse<ChallengeStatus>(r.Status!), r => (int)r.Count)))
            .OrderBy(b => b.First.OpensAt).ThenBy(b => b.First.Code, StringComparer.Ordinal)
            .Select(b => new BatchOverview(b.First.BatchId, b.First.Code, b.First.Name, b.Counts))
            .ToList();
        var published = (await connection.QueryAsync<PublishedRow>(SelectPublished, new { Id = query.ProgrammeId }))
            .Select(r => new PublishedChallenge(r.Id, r.BatchId, r.Field, r.PublishedAt))
            .ToList();
        return new ProgrammeOverview(programme.Id, programme.Code, programme.Name, programme.TargetConsortia, programme.TargetYear,
            batches, published);
    }
}
