using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Visibility;

public abstract class VisibilityTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Another_issuer_gets_404_for_a_draft_and_cannot_touch_it()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var draft = await Scenario.DraftAsync(batchId, Cast.IssuerA);
        var url = $"/api/v1/challenges/{draft["id"]}";
        var other = await Host.As(Cast.IssuerB);
        await other.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await DatabaseSnapshot.Unchanged(Host, () => other.PutJson(url, Scenario.ChallengeChanges(), "\"1\"").ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => other.PostJson($"{url}/submit").ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => other.PostJson($"{url}/withdraw").ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await (await Host.As(Cast.IssuerA)).GetAsync(url).Expect(HttpStatusCode.OK);
        await (await Host.As(Cast.TaskForce)).GetAsync(url).Expect(HttpStatusCode.OK);
        await (await Host.As(Cast.Auditor)).GetAsync(url).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anonymous_callers_district_keys_applicants_and_experts_get_404_for_unpublished_challenges()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var draft = await Scenario.DraftAsync(batchId);
        var url = $"/api/v1/challenges/{draft["id"]}";
        await Host.Anonymous().GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await Host.WithApiKey(Host.Cast.DistrictKey).GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await (await Host.As(Cast.Applicant)).GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await (await Host.As(Cast.Expert)).GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await Host.Anonymous().GetAsync($"/api/v1/challenges/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await Host.Anonymous().GetAsync("/api/v1/challenges/not-a-guid").ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_issuer_cannot_act_on_a_published_challenge_of_another_issuer()
    {
        var (challenge, _) = await Scenario.PublishedAsync(issuer: Cast.IssuerA);
        var other = await Host.As(Cast.IssuerB);
        await other.GetAsync($"/api/v1/challenges/{challenge["id"]}").Expect(HttpStatusCode.OK);
        await DatabaseSnapshot.Unchanged(Host, () => other.PostJson($"/api/v1/challenges/{challenge["id"]}/withdraw")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        var applicant = await Host.As(Cast.Applicant);
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/challenges/{challenge["id"]}/approve")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
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

public sealed class VisibilityTestsOnSqlite(SqliteHost host) : VisibilityTests(host), IClassFixture<SqliteHost>;
public sealed class VisibilityTestsOnPostgres(PostgresHost host) : VisibilityTests(host), IClassFixture<PostgresHost>;
public sealed class VisibilityTestsOnSqlServer(SqlServerHost host) : VisibilityTests(host), IClassFixture<SqlServerHost>;
