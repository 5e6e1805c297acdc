using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Applications.Consortium;

/// <summary>
/// Who an application speaks for: the organisation that controls it is its lead, and every other member confirms its
/// participation (联合申报协议) before the application can be submitted.
/// </summary>
public abstract partial class ConsortiumTests(JiebangHost host) : HostTests(host)
{
    private ApplicationScenario Apps => new(Host);
}

public sealed class ConsortiumTestsOnSqlite(SqliteHost host) : ConsortiumTests(host), IClassFixture<SqliteHost>;
public sealed class ConsortiumTestsOnPostgres(PostgresHost host) : ConsortiumTests(host), IClassFixture<PostgresHost>;
public sealed class ConsortiumTestsOnSqlServer(SqlServerHost host) : ConsortiumTests(host), IClassFixture<SqlServerHost>;
