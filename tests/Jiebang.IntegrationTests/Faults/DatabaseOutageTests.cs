using System.Net;
using Jiebang.IntegrationTests.Infrastructure;
using Npgsql;

namespace Jiebang.IntegrationTests.Faults;

/// <summary>
/// The database server going away mid-service answers 503 problems (with Retry-After) and stores nothing; when it comes
/// back the host serves again by itself. PostgreSQL only: the embedded SQLite file lives in the host's own process and
/// cannot go away on its own.
/// </summary>
public sealed class DatabaseOutageTestsOnPostgres(PostgresHost host) : HostTests(host), IClassFixture<PostgresHost>
{
    /// <summary>How long the host may take to serve again once the database is back before the test fails.</summary>
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresHost.Variable));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task While_the_database_is_away_requests_get_503_and_the_host_recovers_when_it_returns()
    {
        var tf = await Host.As(Cast.TaskForce);
        await Host.Anonymous().GetAsync("/api/v1/challenges").Expect(HttpStatusCode.OK);
        var database = new NpgsqlConnectionStringBuilder(Host.ConnectionString).Database!;

        await AdminAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        try
        {
            var read = await Host.Anonymous().GetAsync("/api/v1/challenges");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
            Assert.Equal("service.unavailable", (string?)(await read.NodeAsync())["code"]);
            Assert.NotNull(read.Headers.RetryAfter);

            var write = await tf.PostJson("/api/v1/programmes", new
            {
                code = Scenario.Unique("OUT"), name = "停机期间的工程", operatorName = "测试", targetConsortia = 30, targetYear = 2025,
            });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            var body = await write.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Host.Anonymous().GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS true");
        }

        // Back by itself: broken pooled connections are dropped and new ones opened, with no restart. How soon depends on
        // the machine's load, so the test waits for it up to a deadline that only a host that never recovers reaches.
        var deadline = DateTime.UtcNow + RecoveryLimit;
        var attempts = 0;
        HttpStatusCode status;
        while ((status = (await Host.Anonymous().GetAsync("/api/v1/challenges")).StatusCode) != HttpStatusCode.OK)
        {
            attempts++;
            Assert.True(DateTime.UtcNow < deadline,
                $"the host still answered {(int)status} {RecoveryLimit.TotalSeconds} s after the database returned ({attempts} attempts)");
            await Task.Delay(250);
        }
        Assert.Equal(HttpStatusCode.OK, (await Host.Anonymous().GetAsync("/health/ready")).StatusCode);
        var programmes = await tf.GetAsync("/api/v1/programmes").Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(programmes.AsArray(), p => (string?)p!["name"] == "停机期间的工程");
    }
}
