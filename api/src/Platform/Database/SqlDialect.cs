namespace Jiebang.Platform.Database;

/// <summary>The few places where SQL must differ between providers; everything else is one SQL text.</summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>A paging clause placed after ORDER BY, bound to @Skip and @Take.</summary>
    public abstract string Page { get; }

    /// <summary>A case-insensitive LIKE of a column against a bound pattern (escape character '\').</summary>
    public abstract string ContainsIgnoreCase(string column, string parameter);

    /// <summary>Table hint placed after the table name in a SELECT that must lock the row (SQL Server only).</summary>
    public virtual string LockHint => "";

    /// <summary>Clause placed at the end of a SELECT that must lock the row (PostgreSQL only).</summary>
    public virtual string ForUpdate => "";

    /// <summary>Escapes LIKE wildcards in user text and wraps it for a contains match.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[") + "%";

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDialect(),
        DatabaseProvider.SqlServer => new SqlServerDialect(),
        DatabaseProvider.Postgres => new PostgresDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

internal sealed class SqliteDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string Page => "LIMIT @Take OFFSET @Skip";
    public override string ContainsIgnoreCase(string column, string parameter) =>
        $"{column} LIKE {parameter} ESCAPE '\\'";
}

internal sealed class PostgresDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    public override string Page => "LIMIT @Take OFFSET @Skip";
    public override string ContainsIgnoreCase(string column, string parameter) =>
        $"{column} ILIKE {parameter} ESCAPE '\\'";
    public override string ForUpdate => "FOR UPDATE";
}

internal sealed class SqlServerDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
    public override string Page => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
    public override string ContainsIgnoreCase(string column, string parameter) =>
        $"LOWER({column}) LIKE LOWER({parameter}) ESCAPE '\\'";
    public override string LockHint => "WITH (UPDLOCK, ROWLOCK)";
}
