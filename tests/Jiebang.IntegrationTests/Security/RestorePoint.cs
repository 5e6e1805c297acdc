using Microsoft.Data.Sqlite;

namespace Jiebang.IntegrationTests.Security;

/// <summary>
/// A copy of a SQLite database taken with SQLite's online backup, written back over the live file whenever a test has
/// changed it, so every request of a long run meets the same scenario.
/// </summary>
public sealed class RestorePoint : IDisposable
{
    private readonly SqliteConnection _copy = new("Data Source=:memory:");
    private readonly string _live;

    public RestorePoint(string connectionString)
    {
        _live = connectionString;
        _copy.Open();
        using var live = new SqliteConnection(_live);
        live.Open();
        live.BackupDatabase(_copy);
    }

    public void Restore()
    {
        using var live = new SqliteConnection(_live);
        live.Open();
        _copy.BackupDatabase(live);
    }

    public void Dispose() => _copy.Dispose();
}
