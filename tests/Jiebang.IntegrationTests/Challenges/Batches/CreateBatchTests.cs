using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Batches;

public abstract partial class BatchesTests(JiebangHost host) : HostTests(host)
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
    public async Task A_batch_code_already_used_in_any_programme_is_refused_and_stores_nothing()
    {
        var batch = await Scenario.OpenBatchAsync();
        var otherProgramme = await Scenario.ProgrammeAsync();
        var tf = await Host.As(Cast.TaskForce);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/programmes/{otherProgramme}/batches", new
        {
            code = (string)batch["code"]!, name = "重复编码批次", opensOn = "2027-01-01", closesOn = "2027-02-01",
        }).ExpectProblem(HttpStatusCode.Conflict, "batch.code_taken"));
    }
}

public sealed class BatchesTestsOnSqlite(SqliteHost host) : BatchesTests(host), IClassFixture<SqliteHost>;
public sealed class BatchesTestsOnPostgres(PostgresHost host) : BatchesTests(host), IClassFixture<PostgresHost>;
public sealed class BatchesTestsOnSqlServer(SqlServerHost host) : BatchesTests(host), IClassFixture<SqlServerHost>;
