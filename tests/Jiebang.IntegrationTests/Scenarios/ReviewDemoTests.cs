using System.Net;
using Jiebang.IntegrationTests.Challenges.DemoData;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>The demo experts are bound to the demo expert accounts and, like the demo round, say they are demo data.</summary>
public abstract class ReviewDemoTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Demo_experts_are_bound_to_the_demo_expert_accounts_and_the_demo_round_is_a_labelled_draft()
    {
        foreach (var userName in new[] { "expert1", "expert2", "expert3" })
        {
            var expert = await Host.As(userName, DemoAccounts.Password);
            var profile = await expert.GetAsync("/api/v1/review/me/expert").Expect(HttpStatusCode.OK);
            Assert.Contains("演示数据", (string?)profile["name"]);
            Assert.NotEmpty(profile["fields"]!.AsArray());
            Assert.Empty((await expert.GetAsync("/api/v1/review/me/assignments").Expect(HttpStatusCode.OK)).AsArray());
        }
        var declaring = await (await Host.As("expert3", DemoAccounts.Password)).GetAsync("/api/v1/review/me/expert").Expect(HttpStatusCode.OK);
        Assert.Equal("王明（演示数据）", (string?)Assert.Single(declaring["declaredPersonConflicts"]!.AsArray())!["name"]);
        var affiliated = await (await Host.As("expert1", DemoAccounts.Password)).GetAsync("/api/v1/review/me/expert").Expect(HttpStatusCode.OK);
        Assert.NotNull(affiliated["affiliationOrganisationId"]);

        var tf = await Host.As("taskforce", DemoAccounts.Password);
        var rounds = await tf.GetAsync("/api/v1/review/rounds").Expect(HttpStatusCode.OK);
        var demo = Assert.Single(rounds.AsArray(), r => (bool)r!["isDemo"]!)!;
        Assert.Contains("演示数据", (string?)demo["name"]);
        var round = await tf.GetAsync($"/api/v1/review/rounds/{demo["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(("Draft", "NeedReview", 3), ((string)round["status"]!, (string)round["kind"]!, round["criteria"]!.AsArray().Count));
        Assert.Equal(1m, round["criteria"]!.AsArray().Sum(c => (decimal)c!["weight"]!));

        // Seeding is once per database.
        var experts = (await tf.GetAsync("/api/v1/review/experts").Expect(HttpStatusCode.OK)).AsArray().Count;
        foreach (var seeder in Host.Services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(CancellationToken.None);
        }
        Assert.Equal(experts, (await tf.GetAsync("/api/v1/review/experts").Expect(HttpStatusCode.OK)).AsArray().Count);
        Assert.Single((await tf.GetAsync("/api/v1/review/rounds").Expect(HttpStatusCode.OK)).AsArray(), r => (bool)r!["isDemo"]!);
    }
}

public sealed class ReviewDemoTestsOnSqlite(DemoSqliteHost host) : ReviewDemoTests(host), IClassFixture<DemoSqliteHost>;
public sealed class ReviewDemoTestsOnPostgres(DemoPostgresHost host) : ReviewDemoTests(host), IClassFixture<DemoPostgresHost>;
