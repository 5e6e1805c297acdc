using Microsoft.Extensions.Configuration;
namespace Jiebang.Platform.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}

/// <summary>Bound from the <c>Database</c> section and <c>ConnectionStrings:Jiebang</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/jiebang.db";
    public bool MigrateOnStartup { get; set; } = true;

    public static DatabaseOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        var section = configuration.GetSection("Database");
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.Provider = ParseProvider(provider);
        }
        var cs = configuration.GetConnectionString("Jiebang");
        if (!string.IsNullOrWhiteSpace(cs))
        {
            options.ConnectionString = cs;
        }
        var migrate = section["MigrateOnStartup"];
        options.MigrateOnStartup = string.IsNullOrWhiteSpace(migrate)
            ? options.Provider == DatabaseProvider.Sqlite
            : bool.Parse(migrate);
        return options;
    }

    public static DatabaseProvider ParseProvider(string value) => value.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"Database:Provider '{value}' is not supported; use Sqlite, SqlServer or Postgres."),
    };
}
