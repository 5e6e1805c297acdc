using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Data;
using Jiebang.Platform.Database;
using Mediator;

namespace Jiebang.Challenges.Integrations;

/// <summary>Lets other modules (their demo data, for one) find a batch by its people-facing code.</summary>
internal sealed class GetBatchChallengesHandler(DbConnectionFactory db) : IQueryHandler<GetBatchChallenges, BatchChallenges?>
{
    public async ValueTask<BatchChallenges?> Handle(GetBatchChallenges query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var batchId = await connection.QuerySingleOrDefaultAsync<Guid?>(BatchStore.IdByCode, new { Code = query.BatchCode });
        if (batchId is null)
        {
            return null;
        }
        var ids = await ChallengeStore.IdsInBatchAsync(connection, batchId.Value, ChallengeStatus.Published);
        return new BatchChallenges(batchId.Value, query.BatchCode, ids);
    }
}
