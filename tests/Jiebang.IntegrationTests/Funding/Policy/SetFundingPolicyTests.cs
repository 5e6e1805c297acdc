using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Funding.Policy;

public abstract class SetFundingPolicyTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task The_task_force_sets_a_policy_and_replaces_it_only_with_the_current_version()
    {
        var batch = await Scenario.OpenBatchAsync();
        var url = $"/api/v1/batches/{batch["id"]}/funding-policy";
        var tf = await Host.As(Cast.TaskForce);
        await tf.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");

        var created = await tf.PutJson(url, FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        Assert.Equal(3000, (int)created["ratioBp"]!);
        Assert.Equal(1_000_000_000L, (long)created["availableFen"]!);
        Assert.Equal(0L, (long)created["committedFen"]!);
        Assert.Equal(3, created["tranches"]!.AsArray().Count);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, FundingScenario.Policy(2_000_000_000L))
            .ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, FundingScenario.Policy(2_000_000_000L), "\"7\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        var updated = await tf.PutJson(url, FundingScenario.Policy(2_000_000_000L, ratioBp: 2500), "\"1\"").Expect(HttpStatusCode.OK);
        Assert.Equal(2, (int)updated["version"]!);
        Assert.Equal(2500, (int)updated["ratioBp"]!);
        var read = await (await Host.As(Cast.Auditor)).GetAsync(url).Expect(HttpStatusCode.OK);
        Assert.Equal(2_000_000_000L, (long)read["totalBudgetFen"]!);

        var audit = await tf.GetAsync($"/api/v1/audit?entityId={batch["id"]}&entityType=FundingPolicy").Expect(HttpStatusCode.OK);
        Assert.Equal(2, (int)audit["total"]!);
    }

    [Fact]
    public async Task A_plan_that_does_not_sum_to_100_or_a_bad_ratio_is_refused_and_stores_nothing()
    {
        var batch = await Scenario.OpenBatchAsync();
        var url = $"/api/v1/batches/{batch["id"]}/funding-policy";
        var tf = await Host.As(Cast.TaskForce);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, new
        {
            ratioBp = 3000, capPerProjectFen = 1000L, totalBudgetFen = 10_000L,
            tranches = new[] { new { percent = 40, milestoneIndex = 0 }, new { percent = 59, milestoneIndex = 1 } },
        }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.NotNull(problem["errors"]!["tranches"]);
        problem = await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, new
        {
            ratioBp = 10_001, capPerProjectFen = 0L, totalBudgetFen = -1L,
            tranches = new[] { new { percent = 100, milestoneIndex = 0 } },
        }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.NotNull(problem["errors"]!["ratioBp"]);
        Assert.NotNull(problem["errors"]!["capPerProjectFen"]);
        Assert.NotNull(problem["errors"]!["totalBudgetFen"]);
    }

    [Fact]
    public async Task Only_the_task_force_sets_a_policy_and_only_for_a_batch_that_exists()
    {
        var batch = await Scenario.OpenBatchAsync();
        var issuer = await Host.As(Cast.IssuerA);
        await DatabaseSnapshot.Unchanged(Host, async () =>
        {
            var response = await issuer.PutJson($"/api/v1/batches/{batch["id"]}/funding-policy", FundingScenario.Policy(1000L));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            return response;
        });
        var tf = await Host.As(Cast.TaskForce);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"/api/v1/batches/{Guid.NewGuid()}/funding-policy", FundingScenario.Policy(1000L))
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
    }
}

public sealed class SetFundingPolicyTestsOnSqlite(SqliteHost host) : SetFundingPolicyTests(host), IClassFixture<SqliteHost>;
public sealed class SetFundingPolicyTestsOnPostgres(PostgresHost host) : SetFundingPolicyTests(host), IClassFixture<PostgresHost>;
public sealed class SetFundingPolicyTestsOnSqlServer(SqlServerHost host) : SetFundingPolicyTests(host), IClassFixture<SqlServerHost>;
