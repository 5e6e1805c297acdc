using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Demo;
using Jiebang.Platform.Writes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Funding.Demo;

/// <summary>
/// Labelled demo funding policies for the demo batches, so agreements can be tried once a demo application is selected.
/// The figures are made up (the programme did not publish its ratio): 30% co-funding, at most 500万元 per project,
/// a 1亿元 budget per batch, tranches 40/30/30. The real first batch gets none. No agreement is seeded: the demo
/// applications are still in their window, and an agreement can honestly only follow a selection.
/// </summary>
internal sealed class FundingDemoSeeder(WritePath writes, IServiceScopeFactory scopes) : IDemoSeeder
{
    public static readonly string[] BatchCodes = ["DEMO-OPEN", "DEMO-NEXT"];

    public const int RatioBp = 3000;
    public const long CapPerProjectFen = 500_000_000L;
    public const long TotalBudgetFen = 10_000_000_000L;

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
        Tranche[] plan = [new(40, 0), new(30, 1), new(30, 2)];
        await writes.ExecuteAsync(Caller.SystemFor("DemoData"), async w =>
        {
            foreach (var batchId in batches)
            {
                if (await w.ExecuteScalarAsync<long>(Data.Exists, new { BatchId = batchId }) > 0)
                {
                    continue;
                }
                await w.ExecuteAsync(Data.Insert, new
                {
                    BatchId = batchId, RatioBp, CapPerProjectFen, TotalBudgetFen, Tranches = AgreementStore.WritePlan(plan), IsDemo = true, w.Now,
                });
                await w.AuditAsync(AgreementStore.Module, "FundingPolicy", batchId, "SeedDemoData", new
                {
                    label = "演示数据（比例、上限与预算均为虚构） / demo data (ratio, cap and budget are made up)",
                    ratioBp = RatioBp, capPerProjectFen = CapPerProjectFen, totalBudgetFen = TotalBudgetFen,
                });
            }
            return batches.Count;
        }, ct);
    }
}
