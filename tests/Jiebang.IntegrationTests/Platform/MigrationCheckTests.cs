using System.Data.Common;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Migrations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiebang.IntegrationTests.Platform;

/// <summary>The start-up check that lets a restart skip the migration runner: true only when every migration is applied.</summary>
public sealed class MigrationCheckTests
{
    [Fact]
    public async Task On_sqlite_a_database_is_up_to_date_only_when_every_migration_is_applied()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("jiebang-migrations").FullName, "check.db");
        var connectionString = $"Data Source={file};Pooling=false";
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await AssertCheckFollowsTheVersionTableAsync(connection, () => MigrationRunner.MigrateUp("sqlite", connectionString));
    }

    [Fact]
    public async Task On_postgres_a_database_is_up_to_date_only_when_every_migration_is_applied()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresHost.Variable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(admin), $"{PostgresHost.Variable} is not set");
        var database = "jb_" + Guid.NewGuid().ToString("N");
        await using (var server = new NpgsqlConnection(admin))
        {
            await server.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", server).ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await AssertCheckFollowsTheVersionTableAsync(connection, () => MigrationRunner.MigrateUp("postgres", connectionString));
        }
        finally
        {
            await using var server = new NpgsqlConnection(admin);
            await server.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server).ExecuteNonQueryAsync();
        }
    }

    private static async Task AssertCheckFollowsTheVersionTableAsync(DbConnection connection, Action migrate)
    {
        Assert.False(await MigrationRunner.IsUpToDateAsync(connection));
        migrate();
        Assert.True(await MigrationRunner.IsUpToDateAsync(connection));

        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM \"VersionInfo\" WHERE \"Version\" = {MigrationRunner.KnownVersions.Max()}";
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
        Assert.False(await MigrationRunner.IsUpToDateAsync(connection));
    }
}
