using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.ChallengeLifecycle;

public abstract class ChallengeLifecycleTests(JiebangHost host) : HostTests(host)
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
    public async Task A_stale_or_missing_if_match_is_refused_and_changes_nothing()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var draft = await Scenario.DraftAsync(batchId);
        var issuer = await Host.As(Cast.IssuerA);
        var url = $"/api/v1/challenges/{draft["id"]}";
        await issuer.PutJson(url, Scenario.ChallengeChanges("第一次修改"), "\"1\"").Expect(HttpStatusCode.OK);

        await DatabaseSnapshot.Unchanged(Host, () => issuer.PutJson(url, Scenario.ChallengeChanges("过期版本"), "\"1\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PutJson(url, Scenario.ChallengeChanges("没有版本"))
            .ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson($"{url}/submit", null, "\"1\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        var current = await issuer.GetAsync(url);
        Assert.Equal("\"2\"", current.Headers.ETag?.Tag);
        Assert.Equal("第一次修改", (string?)(await current.NodeAsync())["title"]);
    }

    [Fact]
    public async Task Invalid_content_is_refused_field_by_field_and_stores_nothing()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var issuer = await Host.As(Cast.IssuerA);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson("/api/v1/challenges", new
        {
            batchId, field = "MedicalDevices", title = "", background = "x", indicators = Array.Empty<object>(),
            deliverables = Array.Empty<string>(), rdMonths = 0, plannedInvestmentFen = -1,
            procurement = new { }, contact = new { name = "", phone = "" },
        }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "title", "indicators", "rdMonths", "plannedInvestmentFen", "procurement", "contact.name", "contact.phone" })
        {
            Assert.True(errors.ContainsKey(field), $"expected an error for {field}: {errors.ToJsonString()}");
        }
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson("/api/v1/challenges", Scenario.ChallengeBody(Guid.NewGuid()))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, async () =>
        {
            var response = await issuer.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/challenges")
            {
                Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"),
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return response;
        });
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

    [Fact]
    public async Task An_issuer_withdraws_its_submitted_need_and_a_published_batch_takes_no_more_needs()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var issuer = await Host.As(Cast.IssuerA);
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson("/api/v1/challenges", Scenario.ChallengeBody(Guid.Parse((string)batch["id"]!)))
            .ExpectProblem(HttpStatusCode.Conflict, "challenge.batch_not_collecting"));
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson($"/api/v1/challenges/{challenge["id"]}/withdraw")
            .ExpectProblem(HttpStatusCode.Conflict, "challenge.invalid_transition"));

        var other = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var draft = await Scenario.DraftAsync(other);
        await issuer.PostJson($"/api/v1/challenges/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
        var withdrawn = await issuer.PostJson($"/api/v1/challenges/{draft["id"]}/withdraw", new { reason = "内部调整" }).Expect(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", (string?)withdrawn["status"]);
    }

    [Fact]
    public async Task Codes_within_a_batch_are_numbered_in_order_without_gaps_or_duplicates_under_concurrency()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var issuer = await Host.As(Cast.IssuerA);
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            issuer.PostJson("/api/v1/challenges", Scenario.ChallengeBody(batchId))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var codes = new List<string>();
        foreach (var response in responses)
        {
            codes.Add((string)(await response.NodeAsync())["code"]!);
        }
        Assert.Equal(12, codes.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 12).Select(n => n.ToString("D3")), codes.Select(c => c[^3..]).Order());
    }
}

public sealed class ChallengeLifecycleTestsOnSqlite(SqliteHost host) : ChallengeLifecycleTests(host), IClassFixture<SqliteHost>;
public sealed class ChallengeLifecycleTestsOnPostgres(PostgresHost host) : ChallengeLifecycleTests(host), IClassFixture<PostgresHost>;
public sealed class ChallengeLifecycleTestsOnSqlServer(SqlServerHost host) : ChallengeLifecycleTests(host), IClassFixture<SqlServerHost>;
