using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Data;
using Jiebang.Platform.Database;
using Mediator;

namespace Jiebang.Challenges.Integrations;

/// <summary>
/// Answers the programme dashboard's questions about challenges with three queries whatever the programme's size:
/// the programme, state counts grouped in SQL per batch, and the published challenges' field and publication time.
/// </summary>
internal sealed class GetProgrammeOverviewHandler(DbConnectionFactory db) : IQueryHandler<GetProgrammeOverview, ProgrammeOverview?>
{
    public async ValueTask<ProgrammeOverview?> Handle(GetProgrammeOverview query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var programme = await connection.QuerySingleOrDefaultAsync<ProgrammeStore.OverviewRow>(ProgrammeStore.Overview, new { Id = query.ProgrammeId });
        if (programme is null)
        {
            return null;
        }
        var counts = await connection.QueryAsync<ProgrammeStore.CountRow>(ProgrammeStore.OverviewCounts, new { Id = query.ProgrammeId });
        var batches = counts.GroupBy(r => r.BatchId)
            .Select(g => (First: g.First(), Counts: g.Where(r => r.Status is not null && r.Count > 0)
                .ToDictionary(r => Enum.Parse<ChallengeStatus>(r.Status!), r => (int)r.Count)))
            .OrderBy(b => b.First.OpensAt).ThenBy(b => b.First.Code, StringComparer.Ordinal)
            .Select(b => new BatchOverview(b.First.BatchId, b.First.Code, b.First.Name, b.Counts))
            .ToList();
        var published = (await connection.QueryAsync<ProgrammeStore.PublishedRow>(ProgrammeStore.OverviewPublished, new { Id = query.ProgrammeId }))
            .Select(r => new PublishedChallenge(r.Id, r.BatchId, r.Field, r.PublishedAt))
            .ToList();
        return new ProgrammeOverview(programme.Id, programme.Code, programme.Name, programme.TargetConsortia, programme.TargetYear,
            batches, published);
    }
}
