using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Database;

namespace Jiebang.IntegrationTests.Platform;

/// <summary>Guid, DateTimeOffset and decimal come back from each provider's storage exactly as they went in.</summary>
public abstract class TypeHandlerTests(JiebangHost host) : HostTests(host)
{
    private sealed class Row
    {
        public Guid G { get; init; }
        public Guid? NG { get; init; }
        public DateTimeOffset T { get; init; }
        public DateTimeOffset? NT { get; init; }
        public decimal D { get; init; }
    }

    [Fact]
    public async Task Values_round_trip_through_a_table_and_compare_in_sql()
    {
        var (guid, instant, amount) = Host.Db.Options.Provider switch
        {
            DatabaseProvider.Sqlite => ("TEXT", "TEXT", "NUMERIC"),
            DatabaseProvider.Postgres => ("uuid", "timestamptz", "numeric(19,4)"),
            _ => ("uniqueidentifier", "datetimeoffset", "decimal(19,4)"),
        };
        var table = "tmp_roundtrip_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await Host.Db.OpenAsync();
        await connection.ExecuteAsync($"CREATE TABLE {table} (g {guid} NOT NULL, ng {guid} NULL, t {instant} NOT NULL, nt {instant} NULL, d {amount} NOT NULL)");
        try
        {
            var values = new[]
            {
                new Row { G = Guid.CreateVersion7(), NG = Guid.NewGuid(), T = new DateTimeOffset(2021, 2, 10, 23, 59, 59, 999, TimeSpan.FromHours(8)).AddTicks(1234), NT = null, D = 12345678.1234m },
                new Row { G = Guid.CreateVersion7(), NG = null, T = new DateTimeOffset(2020, 12, 28, 16, 0, 0, TimeSpan.Zero), NT = DateTimeOffset.UnixEpoch, D = -0.0001m },
            };
            foreach (var v in values)
            {
                await connection.ExecuteAsync($"INSERT INTO {table} (g, ng, t, nt, d) VALUES (@G, @NG, @T, @NT, @D)", v);
            }
            var read = (await connection.QueryAsync<Row>($"SELECT g AS G, ng AS NG, t AS T, nt AS NT, d AS D FROM {table} ORDER BY t")).ToList();
            var expected = values.OrderBy(v => v.T).ToList();
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].G, read[i].G);
                Assert.Equal(expected[i].NG, read[i].NG);
                Assert.Equal(expected[i].T.UtcTicks / 10, read[i].T.UtcTicks / 10);
                Assert.Equal(TimeSpan.Zero, read[i].T.Offset);
                Assert.Equal(expected[i].NT, read[i].NT);
                Assert.Equal(expected[i].D, read[i].D);
            }
            var byKey = await connection.QuerySingleAsync<Row>($"SELECT g AS G, ng AS NG, t AS T, nt AS NT, d AS D FROM {table} WHERE g = @G AND t >= @From",
                new { values[0].G, From = values[0].T.AddSeconds(-1) });
            Assert.Equal(values[0].D, byKey.D);
        }
        finally
        {
            await connection.ExecuteAsync($"DROP TABLE {table}");
        }
    }
}

public sealed class TypeHandlerTestsOnSqlite(SqliteHost host) : TypeHandlerTests(host), IClassFixture<SqliteHost>;
public sealed class TypeHandlerTestsOnPostgres(PostgresHost host) : TypeHandlerTests(host), IClassFixture<PostgresHost>;
public sealed class TypeHandlerTestsOnSqlServer(SqlServerHost host) : TypeHandlerTests(host), IClassFixture<SqlServerHost>;
