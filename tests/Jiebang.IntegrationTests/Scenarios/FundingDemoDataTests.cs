using System.Net;
using Jiebang.IntegrationTests.Challenges.DemoData;
using Jiebang.IntegrationTests.Funding;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Scenarios;

public abstract class FundingDemoDataTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Demo_batches_have_labelled_demo_policies_the_real_first_batch_none_and_the_dashboard_reads_them()
    {
        var auditor = await Host.As("auditor", "Demo#2026");
        var batches = (await auditor.GetAsync("/api/v1/batches").Expect(HttpStatusCode.OK)).AsArray();
        foreach (var code in new[] { "DEMO-OPEN", "DEMO-NEXT" })
        {
            var batch = batches.Single(b => (string?)b!["code"] == code)!;
            var policy = await auditor.GetAsync($"/api/v1/batches/{batch["id"]}/funding-policy").Expect(HttpStatusCode.OK);
            Assert.True((bool)policy["isDemo"]!);
            Assert.Equal(3000, (int)policy["ratioBp"]!);
            Assert.Equal(10_000_000_000L, (long)policy["availableFen"]!);
            Assert.Equal([40, 30, 30], policy["tranches"]!.AsArray().Select(t => (int)t!["percent"]!).ToArray());
        }
        var first = batches.Single(b => (string?)b!["code"] == "ZGC-2020-01")!;
        await auditor.GetAsync($"/api/v1/batches/{first["id"]}/funding-policy").ExpectProblem(HttpStatusCode.NotFound, "not_found");

        var dashboard = await auditor.GetAsync($"/api/v1/programmes/{first["programmeId"]}/dashboard").Expect(HttpStatusCode.OK);
        Assert.Equal(30, (int)dashboard["consortia"]!["target"]!);
        Assert.Equal(2025, (int)dashboard["consortia"]!["targetYear"]!);
        Assert.Equal(0, (int)dashboard["consortia"]!["formed"]!);
        var firstBatch = dashboard["batches"]!.AsArray().Single(b => (string?)b!["code"] == "ZGC-2020-01")!;
        Assert.Equal(10, (int)firstBatch["published"]!);
        Assert.Null(firstBatch["budgetFen"]);
        Assert.Equal(10_000_000_000L, (long)dashboard["batches"]!.AsArray().Single(b => (string?)b!["code"] == "DEMO-OPEN")!["budgetFen"]!);
        Assert.Null(dashboard["timeToSigning"]!["days"]);
    }
}

public sealed class FundingDemoDataTestsOnSqlite(DemoSqliteHost host) : FundingDemoDataTests(host), IClassFixture<DemoSqliteHost>;
public sealed class FundingDemoDataTestsOnPostgres(DemoPostgresHost host) : FundingDemoDataTests(host), IClassFixture<DemoPostgresHost>;
