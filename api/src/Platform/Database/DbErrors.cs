using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiebang.Platform.Database;

public static class DbErrors
{
    /// <summary>A unique index or primary key refused a second row with the same key, on any provider.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException e => e.SqliteErrorCode == 19 && (e.SqliteExtendedErrorCode is 2067 or 1555),
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException e => e.Number is 2627 or 2601,
        _ => exception.InnerException is { } inner && IsUniqueViolation(inner),
    };
}
