using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Database;
using Mediator;

namespace Jiebang.Challenges.Integrations;

/// <summary>Lets other modules (their demo data, for one) find a batch by its people-facing code.</summary>
internal sealed class GetBatchChallengesHandler(DbConnectionFactory db) : IQueryHandler<GetBatchChallenges, BatchChallenges?>
{
    private const string SelectBatch = "SELECT id FROM challenges_batch WHERE code = @Code";

    private const string SelectPublished = "SELECT id FROM challenges_challenge WHERE batch_id = @BatchId AND status = @Published ORDER BY code";

    public async ValueTask<BatchChallenges?> Handle(GetBatchChallenges query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var batchId = await connection.QuerySingleOrDefaultAsync<Guid?>(SelectBatch, new { Code = query.BatchCode });
        if (batchId is null)
        {
            return null;
        }
        var ids = await connection.QueryAsync<Guid>(SelectPublished, new { BatchId = batchId, Published = nameof(ChallengeStatus.Published) });
        return new BatchChallenges(batchId.Value, query.BatchCode, ids.AsList());
    }
}
