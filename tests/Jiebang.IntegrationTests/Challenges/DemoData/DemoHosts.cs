using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.DemoData;

public class DemoSqliteHost : SqliteHost
{
    protected override bool SeedDemo => true;
}

public class DemoPostgresHost : PostgresHost
{
    protected override bool SeedDemo => true;
}
