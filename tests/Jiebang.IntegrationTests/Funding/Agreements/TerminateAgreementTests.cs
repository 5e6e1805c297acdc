using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Funding.Agreements;

public abstract partial class AgreementsTests
{
    [Fact]
    public async Task Terminating_by_the_rule_alone_releases_the_whole_unpaid_commitment()
    {
        var (batchId, selected) = await new FundingScenario(Host).SelectedAsync(1);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(900_000L)).Expect(HttpStatusCode.Created);
        var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId)).Expect(HttpStatusCode.Created);
        var terminated = await tf.PostJson($"/api/v1/agreements/{signed["id"]}/terminate", new { reason = "揭榜方主动放弃" }).Expect(HttpStatusCode.OK);
        Assert.Equal(0L, (long)terminated["balances"]!["committedFen"]!);
        Assert.Equal(["Commit", "Release"], terminated["ledger"]!.AsArray().Select(e => (string)e!["kind"]!).ToArray());
        var policy = await tf.GetAsync($"/api/v1/batches/{batchId}/funding-policy").Expect(HttpStatusCode.OK);
        Assert.Equal(900_000L, (long)policy["availableFen"]!);
    }
}
