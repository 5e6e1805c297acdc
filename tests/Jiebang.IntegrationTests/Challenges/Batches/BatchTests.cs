using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Batches;

public abstract class BatchTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task The_task_force_creates_a_batch_whose_window_is_stored_in_utc_from_shanghai_days()
    {
        var batch = await Scenario.BatchAsync(new DateOnly(2020, 12, 29), new DateOnly(2021, 2, 10));
        Assert.Equal("2020-12-29", (string?)batch["opensOn"]);
        Assert.Equal("2021-02-10", (string?)batch["closesOn"]);
        Assert.Equal(new DateTimeOffset(2020, 12, 28, 16, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)batch["opensAt"]!));
        Assert.Equal(new DateTimeOffset(2021, 2, 10, 16, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)batch["closesAt"]!));
        Assert.Equal("Asia/Shanghai", (string?)batch["timeZone"]);
        Assert.Equal("Draft", (string?)batch["status"]);
        Assert.Equal("Closed", (string?)batch["phase"]);
    }

    [Fact]
    public async Task A_window_that_closes_before_it_opens_is_refused_and_stores_nothing()
    {
        var programme = await Scenario.ProgrammeAsync();
        var tf = await Host.As(Cast.TaskForce);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/programmes/{programme}/batches", new
        {
            code = Scenario.Unique("B"), name = "错误批次", opensOn = "2021-02-10", closesOn = "2021-02-01",
        }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.NotNull(problem["errors"]!["closesOn"]);
    }

    [Fact]
    public async Task Only_the_task_force_creates_programmes_and_a_duplicate_code_is_refused()
    {
        var issuer = await Host.As(Cast.IssuerA);
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson("/api/v1/programmes", new { code = "X1", name = "x", operatorName = "y", targetConsortia = 30, targetYear = 2025 })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        var tf = await Host.As(Cast.TaskForce);
        var code = Scenario.Unique("P");
        await tf.PostJson("/api/v1/programmes", new { code, name = "工程", operatorName = "管委会", targetConsortia = 30, targetYear = 2025 }).Expect(HttpStatusCode.Created);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/programmes", new { code, name = "工程", operatorName = "管委会", targetConsortia = 30, targetYear = 2025 })
            .ExpectProblem(HttpStatusCode.Conflict, "programme.code_taken"));
    }

    [Fact]
    public async Task Draft_batches_are_invisible_to_the_public_and_visible_once_published()
    {
        var (_, published) = await Scenario.PublishedAsync();
        var draft = await Scenario.OpenBatchAsync();
        var anonymous = Host.Anonymous();
        await anonymous.GetAsync($"/api/v1/batches/{draft["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        var list = (await anonymous.GetAsync("/api/v1/batches").Expect(HttpStatusCode.OK)).AsArray();
        Assert.DoesNotContain(list, b => (string?)b!["id"] == (string?)draft["id"]);
        Assert.Contains(list, b => (string?)b!["id"] == (string?)published["id"]);
        var got = await anonymous.GetAsync($"/api/v1/batches/{published["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal("Published", (string?)got["status"]);
        Assert.Equal(1, (int)got["publishedChallenges"]!);
        var tfList = (await (await Host.As(Cast.TaskForce)).GetAsync("/api/v1/batches").Expect(HttpStatusCode.OK)).AsArray();
        Assert.Contains(tfList, b => (string?)b!["id"] == (string?)draft["id"]);
    }

    [Fact]
    public async Task A_batch_is_updated_with_its_version_and_a_stale_or_missing_version_changes_nothing()
    {
        var batch = await Scenario.OpenBatchAsync();
        var tf = await Host.As(Cast.TaskForce);
        var url = $"/api/v1/batches/{batch["id"]}";
        var body = new { name = "改名后的批次", opensOn = (string)batch["opensOn"]!, closesOn = "2027-01-31" };
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, body).ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        var updated = await tf.PutJson(url, body, "\"1\"").Expect(HttpStatusCode.OK);
        Assert.Equal(2, (int)updated["version"]!);
        Assert.Equal("2027-01-31", (string?)updated["closesOn"]);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, body with { }, "\"1\"").ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
    }

    [Fact]
    public async Task Publishing_needs_an_approved_challenge_and_a_window_still_to_come()
    {
        var tf = await Host.As(Cast.TaskForce);
        var empty = await Scenario.OpenBatchAsync();
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/batches/{empty["id"]}/publish")
            .ExpectProblem(HttpStatusCode.Conflict, "batch.nothing_to_publish"));
        var past = await Scenario.BatchAsync(new DateOnly(2020, 12, 29), new DateOnly(2021, 2, 10));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/batches/{past["id"]}/publish")
            .ExpectProblem(HttpStatusCode.Conflict, "batch.window_in_past"));
    }
}

public sealed class BatchTestsOnSqlite(SqliteHost host) : BatchTests(host), IClassFixture<SqliteHost>;
public sealed class BatchTestsOnPostgres(PostgresHost host) : BatchTests(host), IClassFixture<PostgresHost>;
public sealed class BatchTestsOnSqlServer(SqlServerHost host) : BatchTests(host), IClassFixture<SqlServerHost>;
