using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform;

/// <summary>The "database unchanged" assertions are only worth something if the snapshot sees every write.</summary>
public sealed class DatabaseSnapshotTests(SqliteHost host) : HostTests(host), IClassFixture<SqliteHost>
{
    [Fact]
    public async Task A_snapshot_changes_when_a_row_is_written_or_only_a_version_moves()
    {
        var before = await DatabaseSnapshot.TakeAsync(Host);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Host));
        var batch = await Scenario.OpenBatchAsync();
        var afterInsert = await DatabaseSnapshot.TakeAsync(Host);
        Assert.NotEqual(before, afterInsert);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batch["id"]}", new { name = "测试批次", opensOn = (string)batch["opensOn"]!, closesOn = (string)batch["closesOn"]! }, "\"1\"")
            .Expect(HttpStatusCode.OK);
        Assert.NotEqual(afterInsert, await DatabaseSnapshot.TakeAsync(Host));
    }
}
