using Microsoft.Data.SqlClient;
using Npgsql;
using Testcontainers.MsSql;

namespace Jiebang.IntegrationTests.Infrastructure;

/// <summary>The embedded default: a fresh SQLite file per test class.</summary>
public class SqliteHost : JiebangHost
{
    private string? _directory;

    public override string ProviderName => "Sqlite";

    protected override Task<string?> CreateDatabaseAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "jiebang-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        return Task.FromResult<string?>($"Data Source={Path.Combine(_directory, "jiebang.db")}");
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_directory is null)
        {
            return Task.CompletedTask;
        }
        try
        {
            Directory.Delete(_directory!, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the runtime; the temp folder is cleaned later.
        }
        return Task.CompletedTask;
    }
}

/// <summary><see cref="SqliteHost"/> served by Kestrel over a socket, as a district portal reaches it.</summary>
public sealed class SqliteOverSocketsHost : SqliteHost
{
    protected override bool OverSockets => true;
}

/// <summary>PostgreSQL from JIEBANG_TEST_POSTGRES (an admin connection string): a fresh database per test class.</summary>
public class PostgresHost : JiebangHost
{
    public const string Variable = "JIEBANG_TEST_POSTGRES";
    private string? _admin;
    private string? _database;

    public override string ProviderName => "Postgres";

    protected override async Task<string?> CreateDatabaseAsync()
    {
        _admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_admin))
        {
            SkipReason = $"{Variable} is not set; set it to a PostgreSQL admin connection string to run these tests (.ci/run does).";
            return null;
        }
        _database = "jb_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_admin) { Database = _database, MaxPoolSize = 40 }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>SQL Server in a Testcontainers container; skipped with the reason when no Docker engine is reachable.</summary>
public class SqlServerHost : JiebangHost
{
    private MsSqlContainer? _container;

    public override string ProviderName => "SqlServer";

    protected override async Task<string?> CreateDatabaseAsync()
    {
        try
        {
            _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        }
        catch (Exception ex) when (ex.GetType().Name == "DockerUnavailableException")
        {
            SkipReason = "Docker is not available on this machine (DockerUnavailableException), so no SQL Server container can start; " +
                         "these tests run where a Docker engine is present.";
            return null;
        }
        await _container.StartAsync();
        var builder = new SqlConnectionStringBuilder(_container.GetConnectionString()) { InitialCatalog = "jiebang" };
        await using (var connection = new SqlConnection(_container.GetConnectionString()))
        {
            await connection.OpenAsync();
            await using var command = new SqlCommand("CREATE DATABASE jiebang", connection);
            await command.ExecuteNonQueryAsync();
        }
        return builder.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}

/// <summary><see cref="PostgresHost"/> served by Kestrel over a socket, as a district portal reaches it.</summary>
public sealed class PostgresOverSocketsHost : PostgresHost
{
    protected override bool OverSockets => true;
}
