using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Database;
using Mediator;

namespace Jiebang.Challenges.Integrations;

/// <summary>Lets other modules check that a batch exists before they attach their own data to it (a funding policy).</summary>
internal sealed class GetBatchInfoHandler(DbConnectionFactory db) : IQueryHandler<GetBatchInfo, BatchInfo?>
{
    private const string Select = "SELECT id AS Id, code AS Code, name AS Name, programme_id AS ProgrammeId FROM challenges_batch WHERE id = @Id";

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public Guid ProgrammeId { get; set; }
    }

    public async ValueTask<BatchInfo?> Handle(GetBatchInfo query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Select, new { Id = query.BatchId });
        return row is null ? null : new BatchInfo(row.Id, row.Code, row.Name, row.ProgrammeId);
    }
}
