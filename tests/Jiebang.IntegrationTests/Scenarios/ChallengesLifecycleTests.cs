using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>A challenge walked through its lifecycle over HTTP: drafted, edited, submitted, approved or rejected, published with its batch.</summary>
public abstract class ChallengesLifecycleTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task An_issuer_drafts_edits_and_submits_the_task_force_approves_and_publishing_the_batch_publishes_it()
    {
        var batch = await Scenario.OpenBatchAsync();
        var batchId = Guid.Parse((string)batch["id"]!);
        var issuer = await Host.As(Cast.IssuerA);
        var tf = await Host.As(Cast.TaskForce);

        var draft = await issuer.PostJson("/api/v1/challenges", Scenario.ChallengeBody(batchId, "多自由度力控医用机械臂")).Expect(HttpStatusCode.Created);
        var id = (string)draft["id"]!;
        Assert.Equal($"{batch["code"]}-001", (string?)draft["code"]);
        Assert.Equal("Draft", (string?)draft["status"]);
        Assert.Equal(Host.Cast.IssuerAOrg.ToString(), (string?)draft["organisationId"]);
        Assert.Equal("测试发榜企业A", (string?)draft["issuerName"]);
        Assert.Equal(2, draft["indicators"]!.AsArray().Count);
        Assert.Equal(500_000_000L, (long)draft["plannedInvestmentFen"]!);
        Assert.Equal("医疗器械", (string?)draft["fieldName"]);

        var edited = await issuer.PutJson($"/api/v1/challenges/{id}", Scenario.ChallengeChanges("多自由度力控医用机械臂（修订）"), "\"1\"")
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2, (int)edited["version"]!);
        Assert.Equal("多自由度力控医用机械臂（修订）", (string?)edited["title"]);

        await issuer.PostJson($"/api/v1/challenges/{id}/submit").Expect(HttpStatusCode.OK);
        var approved = await tf.PostJson($"/api/v1/challenges/{id}/approve", new { reason = "需求明确" }).Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", (string?)approved["status"]);

        var anonymous = Host.Anonymous();
        await anonymous.GetAsync($"/api/v1/challenges/{id}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await tf.PostJson($"/api/v1/batches/{batchId}/publish").Expect(HttpStatusCode.OK);
        var published = await anonymous.GetAsync($"/api/v1/challenges/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal("Published", (string?)published["status"]);
        Assert.Equal("Open", (string?)published["phase"]);
        Assert.NotNull(published["publishedAt"]);

        var audit = await tf.GetAsync($"/api/v1/audit?entityType=Challenge&entityId={id}").Expect(HttpStatusCode.OK);
        // The test clock stands still, so every record has the same instant: compare what was recorded, not its order.
        var actions = audit["items"]!.AsArray().Select(a => (string)a!["action"]!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "Create", "Update", "Submit", "Approve", "Publish" }.Order(StringComparer.Ordinal), actions);
        Assert.Equal(Cast.IssuerA, (string?)audit["items"]!.AsArray().Single(a => (string?)a!["action"] == "Create")!["actorName"]);
    }

    [Fact]
    public async Task A_move_the_state_machine_does_not_allow_is_refused_with_a_stable_code()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var draft = await Scenario.DraftAsync(batchId);
        var tf = await Host.As(Cast.TaskForce);
        var issuer = await Host.As(Cast.IssuerA);
        var url = $"/api/v1/challenges/{draft["id"]}";
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{url}/approve").ExpectProblem(HttpStatusCode.Conflict, "challenge.invalid_transition"));
        await issuer.PostJson($"{url}/submit").Expect(HttpStatusCode.OK);
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PutJson(url, Scenario.ChallengeChanges(), "\"2\"")
            .ExpectProblem(HttpStatusCode.Conflict, "challenge.not_editable"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{url}/reject", new { reason = "" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var rejected = await tf.PostJson($"{url}/reject", new { reason = "指标不具体 / indicators too vague" }).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", (string?)rejected["status"]);
        Assert.Equal("指标不具体 / indicators too vague", (string?)rejected["statusReason"]);
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson($"{url}/withdraw").ExpectProblem(HttpStatusCode.Conflict, "challenge.invalid_transition"));
    }
}

public sealed class ChallengesLifecycleTestsOnSqlite(SqliteHost host) : ChallengesLifecycleTests(host), IClassFixture<SqliteHost>;
public sealed class ChallengesLifecycleTestsOnPostgres(PostgresHost host) : ChallengesLifecycleTests(host), IClassFixture<PostgresHost>;
public sealed class ChallengesLifecycleTestsOnSqlServer(SqlServerHost host) : ChallengesLifecycleTests(host), IClassFixture<SqlServerHost>;
