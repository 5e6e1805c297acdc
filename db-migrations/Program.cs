using Jiebang.Migrations;
using Microsoft.Extensions.Logging;

// dotnet run --project db-migrations -- --provider sqlserver --connection "Server=...;Database=jiebang;..."
string? provider = null, connection = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--provider" when i + 1 < args.Length: provider = args[++i]; break;
        case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
        case "-h" or "--help":
            Console.WriteLine("""
                Jiebang database migrations / 数据库迁移
                  --provider   sqlite | sqlserver | postgres
                  --connection ADO.NET connection string (or environment variable JIEBANG_CONNECTION)
                """);
            return 0;
    }
}
provider ??= Environment.GetEnvironmentVariable("JIEBANG_PROVIDER");
connection ??= Environment.GetEnvironmentVariable("JIEBANG_CONNECTION");
if (string.IsNullOrWhiteSpace(provider) || string.IsNullOrWhiteSpace(connection))
{
    Console.Error.WriteLine("Both --provider and --connection are required (see --help). / 需要 --provider 与 --connection 参数。");
    return 2;
}
using var factory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
try
{
    MigrationRunner.MigrateUp(provider, connection, new ForwardingProvider(factory));
    Console.WriteLine($"Migrations applied ({MigrationRunner.Normalise(provider)}). / 迁移完成。");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"Migration failed / 迁移失败: {ex.Message}");
    return 1;
}

internal sealed class ForwardingProvider(ILoggerFactory factory) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);
    public void Dispose() { }
}
