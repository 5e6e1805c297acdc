using System.Data.Common;
using Dapper;
using Jiebang.Platform.Database;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Platform.Auth;

/// <summary>Users and API keys: creation (CLI, demo data) and sign-in lookups.</summary>
public sealed class UserStore(DbConnectionFactory db, TimeProvider clock)
{
    private static readonly PasswordHasher<UserRecord> Hasher = new();

    private const string SelectByName = """
        SELECT id AS Id, user_name AS UserName, display_name AS DisplayName, password_hash AS PasswordHash,
               role AS Role, organisation_id AS OrganisationId, expert_id AS ExpertId, active AS Active, is_demo AS IsDemo,
               email AS Email, mobile AS Mobile, org_admin AS OrgAdmin, must_change_password AS MustChangePassword,
               security_stamp AS SecurityStamp, version AS Version
        FROM platform_user WHERE user_name = @UserName
        """;

    private const string SelectById = """
        SELECT id AS Id, user_name AS UserName, display_name AS DisplayName, password_hash AS PasswordHash,
               role AS Role, organisation_id AS OrganisationId, expert_id AS ExpertId, active AS Active, is_demo AS IsDemo,
               email AS Email, mobile AS Mobile, org_admin AS OrgAdmin, must_change_password AS MustChangePassword,
               security_stamp AS SecurityStamp, version AS Version
        FROM platform_user WHERE id = @Id
        """;

    private const string Insert = """
        INSERT INTO platform_user (id, user_name, display_name, password_hash, role, organisation_id, expert_id, active, is_demo, created_at)
        VALUES (@Id, @UserName, @DisplayName, @PasswordHash, @Role, @OrganisationId, @ExpertId, @Active, @IsDemo, @CreatedAt)
        """;

    private const string InsertKey = """
        INSERT INTO platform_api_key (id, name, prefix, key_hash, district_code, active, is_demo, created_at)
        VALUES (@Id, @Name, @Prefix, @KeyHash, @DistrictCode, @Active, @IsDemo, @CreatedAt)
        """;

    public async Task<UserRecord?> FindAsync(string userName, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(SelectByName, new { UserName = userName });
    }

    /// <summary>The account by id, read inside the caller's transaction (or on its own connection).</summary>
    public static Task<UserRecord?> FindByIdAsync(DbConnection connection, DbTransaction? tx, Guid id) =>
        connection.QuerySingleOrDefaultAsync<UserRecord>(SelectById, new { Id = id }, tx);

    /// <summary>The account by user name, read inside the caller's transaction.</summary>
    public static Task<UserRecord?> FindByNameAsync(DbConnection connection, DbTransaction? tx, string userName) =>
        connection.QuerySingleOrDefaultAsync<UserRecord>(SelectByName, new { UserName = userName }, tx);

    /// <summary>Reads the accounts table: the health check's proof that the database is reachable and migrated.</summary>
    internal const string CountAll = "SELECT COUNT(*) FROM platform_user";

    private const string LinkExpert = "UPDATE platform_user SET expert_id = @ExpertId WHERE id = @Id AND role = @Role";

    /// <summary>Binds an expert profile to a user with the Expert role; the token carries it from the next sign-in.</summary>
    public static async Task<bool> LinkExpertAsync(DbConnection connection, DbTransaction tx, Guid userId, Guid expertId) =>
        await connection.ExecuteAsync(LinkExpert, new { Id = userId, ExpertId = expertId, Role = Roles.Expert }, tx) == 1;

    public async Task<UserRecord> CreateAsync(DbConnection connection, DbTransaction? tx, string userName, string displayName,
        string password, string role, Guid? organisationId, Guid? expertId, bool isDemo)
    {
        if (!Roles.IsPersonRole(role))
        {
            throw new ArgumentException($"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.People)}.", nameof(role));
        }
        var user = new UserRecord
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = displayName,
            Role = role,
            OrganisationId = organisationId,
            ExpertId = expertId,
            Active = true,
            IsDemo = isDemo,
        };
        var hashed = new UserRecord
        {
            Id = user.Id, UserName = userName, DisplayName = displayName, Role = role,
            OrganisationId = organisationId, ExpertId = expertId, Active = true, IsDemo = isDemo,
            PasswordHash = Hasher.HashPassword(user, password),
        };
        await connection.ExecuteAsync(Insert, new
        {
            hashed.Id, hashed.UserName, hashed.DisplayName, hashed.PasswordHash, hashed.Role,
            hashed.OrganisationId, hashed.ExpertId, hashed.Active, hashed.IsDemo, CreatedAt = clock.GetUtcNow(),
        }, tx);
        return hashed;
    }

    /// <summary>Stores a key given in full (demo data) or generated; returns the key, shown once.</summary>
    public async Task<string> CreateApiKeyAsync(DbConnection connection, DbTransaction? tx, string name, string districtCode,
        bool isDemo, string? fixedKey = null)
    {
        if (districtCode.Length is < 2 or > 6 || !districtCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("District code must be a 2- to 6-digit 行政区划 prefix.", nameof(districtCode));
        }
        string key, prefix, hash;
        if (fixedKey is null)
        {
            (key, prefix, hash) = ApiKeys.Generate();
        }
        else
        {
            key = fixedKey;
            prefix = ApiKeys.PrefixOf(fixedKey) ?? throw new ArgumentException("Malformed key.", nameof(fixedKey));
            hash = ApiKeys.Hash(fixedKey);
        }
        await connection.ExecuteAsync(InsertKey, new
        {
            Id = Guid.CreateVersion7(), Name = name, Prefix = prefix, KeyHash = hash, DistrictCode = districtCode,
            Active = true, IsDemo = isDemo, CreatedAt = clock.GetUtcNow(),
        }, tx);
        return key;
    }
}
