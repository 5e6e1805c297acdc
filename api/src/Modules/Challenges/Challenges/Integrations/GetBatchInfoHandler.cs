using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Data;
using Jiebang.Platform.Database;
using Mediator;

namespace Jiebang.Challenges.Integrations;

/// <summary>Lets other modules check that a batch exists before they attach their own data to it (a funding policy).</summary>
internal sealed class GetBatchInfoHandler(DbConnectionFactory db) : IQueryHandler<GetBatchInfo, BatchInfo?>
{
    public async ValueTask<BatchInfo?> Handle(GetBatchInfo query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<BatchStore.InfoRow>(BatchStore.Info, new { Id = query.BatchId });
        return row is null ? null : new BatchInfo(row.Id, row.Code, row.Name, row.ProgrammeId);
    }
}
