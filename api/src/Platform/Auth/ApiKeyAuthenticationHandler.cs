using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Dapper;
using Jiebang.Platform.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jiebang.Platform.Auth;

internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DbConnectionFactory db,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string Lookup = """
        SELECT id AS Id, name AS Name, key_hash AS KeyHash, district_code AS DistrictCode
        FROM platform_api_key WHERE prefix = @Prefix AND active = @Active AND revoked_at IS NULL
        """;

    // Only when the stored time is a minute old: a busy portal costs one UPDATE a minute, not one per request.
    private const string Touch = """
        UPDATE platform_api_key SET last_used_at = @Now WHERE id = @Id AND (last_used_at IS NULL OR last_used_at < @Before)
        """;

    /// <summary>How often a key's last use is written.</summary>
    public static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(1);

    // When this process last wrote each key's last use, so most requests skip even the conditional UPDATE.
    private static readonly ConcurrentDictionary<Guid, DateTimeOffset> Recorded = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }
        var key = values.ToString().Trim();
        if (ApiKeys.PrefixOf(key) is not { } prefix)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }
        await using var connection = await db.OpenAsync(Context.RequestAborted);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(Lookup, new { Prefix = prefix, Active = true });
        if (row is null || !ApiKeys.Matches(key, row.KeyHash))
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }
        await RecordUseAsync(connection, row.Id);
        var identity = new ClaimsIdentity(
            [
                new Claim(JiebangClaims.Subject, row.Id.ToString()),
                new Claim(JiebangClaims.Name, row.Name),
                new Claim(JiebangClaims.Role, Roles.District),
                new Claim(JiebangClaims.District, row.DistrictCode),
            ],
            SchemeName, JiebangClaims.Name, JiebangClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task RecordUseAsync(DbConnection connection, Guid id)
    {
        var now = clock.GetUtcNow();
        if (Recorded.TryGetValue(id, out var last) && now - last < UseRecordedEvery && now >= last)
        {
            return;
        }
        Recorded[id] = now;
        await connection.ExecuteAsync(Touch, new { Id = id, Now = now, Before = now - UseRecordedEvery });
    }

    // Rows are classes with setters, not positional records: Dapper then converts SQLite's INTEGER/TEXT per property.
    private sealed class KeyRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string KeyHash { get; init; } = "";
        public string DistrictCode { get; init; } = "";
    }
}
