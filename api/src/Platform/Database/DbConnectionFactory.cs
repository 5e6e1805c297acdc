using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiebang.Platform.Database;

/// <summary>Opens connections to the configured database; the only place that knows the ADO.NET driver.</summary>
public sealed class DbConnectionFactory
{
    private readonly string _connectionString;

    public DbConnectionFactory(DatabaseOptions options)
    {
        Options = options;
        Dialect = SqlDialect.For(options.Provider);
        _connectionString = options.Provider == DatabaseProvider.Sqlite
            ? PrepareSqlite(options.ConnectionString)
            : options.ConnectionString;
        DapperSetup.EnsureRegistered();
    }

    public DatabaseOptions Options { get; }
    public SqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = Options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(_connectionString),
            DatabaseProvider.SqlServer => new SqlConnection(_connectionString),
            DatabaseProvider.Postgres => new NpgsqlConnection(_connectionString),
            _ => throw new InvalidOperationException(),
        };
        try
        {
            await connection.OpenAsync(ct);
            if (Options.Provider == DatabaseProvider.Sqlite)
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens a connection and begins a write transaction. On SQLite this is BEGIN IMMEDIATE, so concurrent
    /// writers queue on the busy timeout instead of failing on lock upgrade.
    /// </summary>
    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginAsync(CancellationToken ct = default)
    {
        var connection = await OpenAsync(ct);
        try
        {
            DbTransaction tx = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            return (connection, tx);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            DefaultTimeout = 30,
            Pooling = true,
        };
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
            using var connection = new SqliteConnection(builder.ConnectionString);
            connection.Open();
            using var wal = connection.CreateCommand();
            // WAL persists in the file: readers no longer block the writer and vice versa.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        return builder.ConnectionString;
    }
}
