using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiebang.Migrations;

/// <summary>Applies every pending migration of every module to one database.</summary>
public static class MigrationRunner
{
    public static void MigrateUp(string provider, string connectionString, ILoggerProvider? logger = null)
    {
        var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(rb =>
            {
                _ = Normalise(provider) switch
                {
                    "sqlite" => rb.AddSQLite(),
                    "sqlserver" => rb.AddSqlServer2016(),
                    "postgres" => rb.AddPostgres(),
                    _ => throw new ArgumentException($"Unknown provider '{provider}'. Use sqlite, sqlserver or postgres.", nameof(provider)),
                };
                rb.WithGlobalConnectionString(connectionString)
                  .ScanIn(typeof(MigrationRunner).Assembly).For.Migrations();
            })
            .AddSingleton<IConventionSet>(_ =>
            {
                var conventions = new DefaultConventionSet();
                if (Normalise(provider) == "sqlite")
                {
                    conventions.ColumnsConventions.Add(new SqliteInstantConvention());
                }
                return conventions;
            })
            .AddLogging(lb =>
            {
                lb.ClearProviders();
                if (logger is not null)
                {
                    lb.AddProvider(logger);
                }
            });
        using var provider_ = services.BuildServiceProvider(validateScopes: false);
        using var scope = provider_.CreateScope();
        scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    public static string Normalise(string provider) => provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => "sqlite",
        "sqlserver" or "mssql" => "sqlserver",
        "postgres" or "postgresql" or "npgsql" => "postgres",
        var other => other,
    };
}
