using System.Data.Common;
using Dapper;

namespace Jiebang.Platform.ApiKeys.Data;

internal sealed class ApiKeyRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public string DistrictCode { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public bool Active { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public bool IsDemo { get; init; }
    public int Version { get; init; }

    public bool Revoked => !Active || RevokedAt is not null;
}

/// <summary>The district keys' administration: reads, and the insert and revocation creation and rotation share.</summary>
internal static class ApiKeyStore
{
    public const string Module = "Platform";
    public const string Entity = "ApiKey";

    public const string Columns = """
        id AS Id, name AS Name, prefix AS Prefix, district_code AS DistrictCode, created_at AS CreatedAt, created_by AS CreatedBy,
        last_used_at AS LastUsedAt, active AS Active, revoked_at AS RevokedAt, is_demo AS IsDemo, version AS Version
        """;

    public const string SelectById = $"SELECT {Columns} FROM platform_api_key WHERE id = @Id";

    private const string Insert = """
        INSERT INTO platform_api_key (id, name, prefix, key_hash, district_code, active, is_demo, created_at, created_by, version)
        VALUES (@Id, @Name, @Prefix, @KeyHash, @DistrictCode, @Active, @IsDemo, @Now, @CreatedBy, 1)
        """;

    private const string Revoke = """
        UPDATE platform_api_key SET active = @Active, revoked_at = @Now, revoked_by = @By, replaced_by = @ReplacedBy, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    public static Task<ApiKeyRow?> LoadAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<ApiKeyRow>(SelectById, new { Id = id }, tx);

    /// <summary>Stores a new key for the district; returns its id and the key itself (shown once; only a hash is kept).</summary>
    public static async Task<(Guid Id, string Key)> InsertAsync(DbConnection connection, DbTransaction tx, string name, string districtCode,
        string createdBy, DateTimeOffset now)
    {
        var (key, prefix, hash) = Auth.ApiKeys.Generate();
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(Insert, new
        {
            Id = id, Name = name, Prefix = prefix, KeyHash = hash, DistrictCode = districtCode, Active = true, IsDemo = false, Now = now,
            CreatedBy = createdBy,
        }, tx);
        return (id, key);
    }

    /// <summary>Revokes the key at the version read; false when another writer changed it first.</summary>
    public static async Task<bool> RevokeAsync(DbConnection connection, DbTransaction tx, ApiKeyRow row, string by, Guid? replacedBy,
        DateTimeOffset now) =>
        await connection.ExecuteAsync(Revoke, new { row.Id, row.Version, Active = false, Now = now, By = by, ReplacedBy = replacedBy }, tx) == 1;
}
