using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Demo;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Funding.Demo;

/// <summary>
/// Labelled demo funding policies for the demo batches, so agreements can be tried once a demo application is selected.
/// The figures are made up (the programme did not publish its ratio): 30% co-funding, at most 500万元 per project,
/// a 1亿元 budget per batch, tranches 40/30/30. The real first batch gets none. No agreement is seeded: the demo
/// applications are still in their window, and an agreement can honestly only follow a selection.
/// </summary>
internal sealed class FundingDemoSeeder(DbConnectionFactory db, IServiceScopeFactory scopes, AuditWriter audit, TimeProvider clock) : IDemoSeeder
{
    public static readonly string[] BatchCodes = ["DEMO-OPEN", "DEMO-NEXT"];

    public const int RatioBp = 3000;
    public const long CapPerProjectFen = 500_000_000L;
    public const long TotalBudgetFen = 10_000_000_000L;

    private const string Insert = """
        INSERT INTO funding_policy (batch_id, ratio_bp, cap_per_project_fen, total_budget_fen, tranches, is_demo, created_at, updated_at, version)
        VALUES (@BatchId, @RatioBp, @CapPerProjectFen, @TotalBudgetFen, @Tranches, @IsDemo, @Now, @Now, 1)
        """;

    private const string Exists = "SELECT COUNT(*) FROM funding_policy WHERE batch_id = @BatchId";

    public int Order => 40;

    public async Task SeedAsync(CancellationToken ct)
    {
        var batches = new List<Guid>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            foreach (var code in BatchCodes)
            {
                if (await sender.Send(new GetBatchChallenges(code), ct) is { } batch)
                {
                    batches.Add(batch.BatchId);
                }
            }
        }
        var actor = Caller.SystemFor("DemoData");
        var now = clock.GetUtcNow();
        Tranche[] plan = [new(40, 0), new(30, 1), new(30, 2)];
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            foreach (var batchId in batches)
            {
                if (await connection.ExecuteScalarAsync<long>(Exists, new { BatchId = batchId }, tx) > 0)
                {
                    continue;
                }
                await connection.ExecuteAsync(Insert, new
                {
                    BatchId = batchId, RatioBp, CapPerProjectFen, TotalBudgetFen, Tranches = FundingStore.WritePlan(plan), IsDemo = true, Now = now,
                }, tx);
                await audit.WriteAsync(connection, tx, actor, FundingStore.Module, "FundingPolicy", batchId, "SeedDemoData", new
                {
                    label = "演示数据（比例、上限与预算均为虚构） / demo data (ratio, cap and budget are made up)",
                    ratioBp = RatioBp, capPerProjectFen = CapPerProjectFen, totalBudgetFen = TotalBudgetFen,
                });
            }
            await tx.CommitAsync(ct);
        }
    }
}
