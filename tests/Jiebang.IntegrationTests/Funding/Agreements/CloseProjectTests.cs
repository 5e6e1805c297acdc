using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Funding.Agreements;

public abstract partial class AgreementsTests
{
    [Fact]
    public async Task An_accepted_project_without_procurement_closes_only_with_a_waiver_reason()
    {
        var (tf, id, _, _, indicators) = await SignedAsync();
        await tf.PostJson($"/api/v1/agreements/{id}/acceptance", new
        {
            passed = true, notes = "通过",
            results = indicators.Select(i => new { indicatorId = (string)i!["id"]!, achieved = "0.3", passed = true }).ToArray(),
        }).Expect(HttpStatusCode.OK);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/agreements/{id}/close", new { waiverReason = "  " })
            .ExpectProblem(HttpStatusCode.Conflict, "funding.procurement_missing"));
        var closed = await tf.PostJson($"/api/v1/agreements/{id}/close", new { waiverReason = "发榜企业被并购，采购由母公司执行" }).Expect(HttpStatusCode.OK);
        Assert.Equal("Closed", (string?)closed["status"]);
        Assert.Equal("发榜企业被并购，采购由母公司执行", (string?)closed["procurementWaiver"]);
    }
}
