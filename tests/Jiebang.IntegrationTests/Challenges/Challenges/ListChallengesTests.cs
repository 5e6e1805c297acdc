using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Challenges;

public abstract partial class ChallengesTests
{
    [Fact]
    public async Task The_phase_follows_the_clock_at_the_edges_of_the_window_in_shanghai_time()
    {
        var batch = await Scenario.OpenBatchAsync();
        var (challenge, _) = await Scenario.PublishedAsync(batch);
        var id = (string)challenge["id"]!;
        var closesOn = DateOnly.Parse((string)batch["closesOn"]!);
        var opensOn = DateOnly.Parse((string)batch["opensOn"]!);
        var shanghai = TimeSpan.FromHours(8);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            async Task<string> PhaseAt(DateTimeOffset instant)
            {
                Host.Clock.SetUtcNow(instant);
                var detail = await Host.Anonymous().GetAsync($"/api/v1/challenges/{id}").Expect(HttpStatusCode.OK);
                var list = await Host.Anonymous().GetAsync($"/api/v1/challenges?batch={batch["id"]}&phase={detail["phase"]}").Expect(HttpStatusCode.OK);
                Assert.Equal(1, (int)list["total"]!);
                return (string)detail["phase"]!;
            }

            Assert.Equal("NotYetOpen", await PhaseAt(new DateTimeOffset(opensOn.AddDays(-1).ToDateTime(new TimeOnly(23, 59, 59)), shanghai)));
            Assert.Equal("Open", await PhaseAt(new DateTimeOffset(opensOn.ToDateTime(TimeOnly.MinValue), shanghai)));
            Assert.Equal("Open", await PhaseAt(new DateTimeOffset(closesOn.ToDateTime(new TimeOnly(23, 59, 59)), shanghai)));
            Assert.Equal("Closed", await PhaseAt(new DateTimeOffset(closesOn.AddDays(1).ToDateTime(TimeOnly.MinValue), shanghai)));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task Filters_text_search_sort_and_paging_work_together_with_a_total()
    {
        var batch = await Scenario.OpenBatchAsync();
        var batchId = Guid.Parse((string)batch["id"]!);
        var issuer = await Host.As(Cast.IssuerA);
        var tf = await Host.As(Cast.TaskForce);
        foreach (var title in new[] { "CT滑环", "医用铂铬合金管", "高性能医用涡轮", "Micro LED显示控制集成电路", "层析填料 100%_纯度" })
        {
            var draft = await issuer.PostJson("/api/v1/challenges", Scenario.ChallengeBody(batchId, title)).Expect(HttpStatusCode.Created);
            await issuer.PostJson($"/api/v1/challenges/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/challenges/{draft["id"]}/approve").Expect(HttpStatusCode.OK);
        }
        await tf.PostJson($"/api/v1/batches/{batchId}/publish").Expect(HttpStatusCode.OK);
        var anonymous = Host.Anonymous();

        var search = await anonymous.GetAsync($"/api/v1/challenges?batch={batchId}&q=医用").Expect(HttpStatusCode.OK);
        Assert.Equal(2, (int)search["total"]!);
        var led = await anonymous.GetAsync($"/api/v1/challenges?batch={batchId}&q=micro%20led").Expect(HttpStatusCode.OK);
        Assert.Equal(1, (int)led["total"]!);
        var wildcard = await anonymous.GetAsync($"/api/v1/challenges?batch={batchId}&q=100%25_").Expect(HttpStatusCode.OK);
        Assert.Equal(1, (int)wildcard["total"]!);
        var literalPercent = await anonymous.GetAsync($"/api/v1/challenges?batch={batchId}&q=%25").Expect(HttpStatusCode.OK);
        Assert.Equal(1, (int)literalPercent["total"]!);

        var page1 = await anonymous.GetAsync($"/api/v1/challenges?batch={batchId}&sort=-code&pageSize=2&page=1").Expect(HttpStatusCode.OK);
        var page3 = await anonymous.GetAsync($"/api/v1/challenges?batch={batchId}&sort=-code&pageSize=2&page=3").Expect(HttpStatusCode.OK);
        Assert.Equal(5, (int)page1["total"]!);
        Assert.Equal([$"{batch["code"]}-005", $"{batch["code"]}-004"], page1["items"]!.AsArray().Select(i => (string)i!["code"]!));
        Assert.Equal([$"{batch["code"]}-001"], page3["items"]!.AsArray().Select(i => (string)i!["code"]!));

        var field = await anonymous.GetAsync($"/api/v1/challenges?batch={batchId}&field=Biomedicine").Expect(HttpStatusCode.OK);
        Assert.Equal(0, (int)field["total"]!);
        await anonymous.GetAsync("/api/v1/challenges?sort=drop%20table").ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        await anonymous.GetAsync("/api/v1/challenges?pageSize=100000").ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Lists_never_include_rows_the_caller_may_not_see()
    {
        var batch = await Scenario.OpenBatchAsync();
        var batchId = Guid.Parse((string)batch["id"]!);
        await Scenario.DraftAsync(batchId, Cast.IssuerA);
        await Scenario.DraftAsync(batchId, Cast.IssuerB);
        var (published, _) = await Scenario.PublishedAsync(batch, Cast.IssuerA);
        var url = $"/api/v1/challenges?batch={batchId}&pageSize=50";

        async Task<string[]> Codes(HttpClient client)
        {
            var page = await client.GetAsync(url).Expect(HttpStatusCode.OK);
            var items = page["items"]!.AsArray();
            Assert.Equal(items.Count, (int)page["total"]!);
            return items.Select(i => (string)i!["status"]!).ToArray();
        }

        Assert.Equal(["Published"], await Codes(Host.Anonymous()));
        Assert.Equal(["Published"], await Codes(Host.WithApiKey(Host.Cast.DistrictKey)));
        Assert.Equal(["Published"], await Codes(await Host.As(Cast.Applicant)));
        Assert.Equal(["Draft", "Published"], (await Codes(await Host.As(Cast.IssuerA))).Order());
        Assert.Equal(["Draft", "Published"], (await Codes(await Host.As(Cast.IssuerB))).Order());
        Assert.Equal(["Draft", "Draft", "Published"], (await Codes(await Host.As(Cast.TaskForce))).Order());
        Assert.Equal(["Published"], await Codes(Host.Anonymous()));
        var asked = await Host.Anonymous().GetAsync($"/api/v1/challenges?batch={batchId}&status=Draft").Expect(HttpStatusCode.OK);
        Assert.Equal(0, (int)asked["total"]!);
        Assert.Equal((string?)published["id"], (string?)(await Host.Anonymous().GetAsync(url).Expect(HttpStatusCode.OK))["items"]![0]!["id"]);
    }
}
