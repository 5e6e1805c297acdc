using System.Data.Common;
using System.Reflection;
using FluentMigrator;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiebang.Migrations;

/// <summary>Applies every pending migration of every module to one database.</summary>
public static class MigrationRunner
{
    /// <param name="upTo">Stop after this version (tests that write data in an older schema); every migration when null.</param>
    public static void MigrateUp(string provider, string connectionString, ILoggerProvider? logger = null, long? upTo = null)
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
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        if (upTo is { } version)
        {
            runner.MigrateUp(version);
        }
        else
        {
            runner.MigrateUp();
        }
    }

    /// <summary>The versions of every migration in this assembly.</summary>
    public static IReadOnlySet<long> KnownVersions { get; } = typeof(MigrationRunner).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Version)
        .OfType<long>()
        .ToHashSet();

    /// <summary>
    /// True when FluentMigrator's VersionInfo table already lists every migration of this assembly: a restart can then
    /// skip building the runner (about a second of start-up on a busy machine). False when the table is missing or
    /// anything is pending, and the caller runs <see cref="MigrateUp"/> as before.
    /// </summary>
    public static async Task<bool> IsUpToDateAsync(DbConnection connection, CancellationToken ct = default)
    {
        var applied = new HashSet<long>();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Version\" FROM \"VersionInfo\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                applied.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (DbException)
        {
            return false;
        }
        return KnownVersions.IsSubsetOf(applied);
    }

    public static string Normalise(string provider) => provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => "sqlite",
        "sqlserver" or "mssql" => "sqlserver",
        "postgres" or "postgresql" or "npgsql" => "postgres",
        var other => other,
    };
}
