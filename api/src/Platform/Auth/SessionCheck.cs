using System.Security.Claims;
using Dapper;
using Jiebang.Platform.Database;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Platform.Auth;

/// <summary>
/// The check every bearer token passes on every request, after its signature and lifetime: the account is still active,
/// its security stamp is the one the token was issued with (a password change or reset, a deactivation or a role change
/// sets a new one), and the token was not signed out. One query by primary keys (platform_user.id and
/// platform_revoked_token.token_id), no cache: a change takes effect on the next request on every instance of the host.
/// Tokens of an external authority are mapped to their account here (<see cref="ExternalAccounts"/>).
/// </summary>
public sealed class SessionCheck(DbConnectionFactory db)
{
    /// <summary>Where a refusal's reason is left for the 401 answer (HttpContext.Items).</summary>
    public const string RefusalItem = "jiebang.session.refusal";

    internal const string Lookup = """
        SELECT u.active AS Active, u.security_stamp AS SecurityStamp,
               (SELECT COUNT(*) FROM platform_revoked_token r WHERE r.token_id = @TokenId) AS Revoked
        FROM platform_user u WHERE u.id = @Id
        """;

    /// <summary>Why the token's session has ended, or null while it holds.</summary>
    public async Task<string?> RefusalAsync(Guid userId, string stamp, string? tokenId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Lookup, new { Id = userId, TokenId = tokenId ?? "" });
        return Judge(row, stamp);
    }

    internal static string? Judge(Row? row, string stamp) => row switch
    {
        null => "unknown account",
        { Active: false } => "account deactivated",
        { Revoked: > 0 } => "signed out",
        _ when !string.Equals(row.SecurityStamp, stamp, StringComparison.Ordinal) => "security stamp changed",
        _ => null,
    };

    /// <summary>The JWT bearer's OnTokenValidated: our own tokens are checked, an external authority's are mapped first.</summary>
    public static async Task OnTokenValidated(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<AuthOptions>();
        var principal = context.Principal!;
        string? refusal;
        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            (var mapped, refusal) = await services.GetRequiredService<ExternalAccounts>().MapAsync(principal, context.HttpContext.RequestAborted);
            if (mapped is not null)
            {
                context.Principal = mapped;
            }
        }
        else if (!Guid.TryParse(principal.FindFirst(JiebangClaims.Subject)?.Value, out var userId))
        {
            refusal = "no subject";
        }
        else
        {
            // A token issued before stamps existed carries none; it matches the empty stamp of an account never changed since.
            var stamp = principal.FindFirst(JiebangClaims.Stamp)?.Value ?? "";
            refusal = await services.GetRequiredService<SessionCheck>()
                .RefusalAsync(userId, stamp, principal.FindFirst(JiebangClaims.TokenId)?.Value, context.HttpContext.RequestAborted);
        }
        if (refusal is not null)
        {
            context.HttpContext.Items[RefusalItem] = refusal;
            context.Fail("The session has ended: " + refusal);
        }
    }

    /// <summary>The token's id and expiry, for sign-out.</summary>
    public static (string? TokenId, DateTimeOffset? ExpiresAt) TokenOf(ClaimsPrincipal principal)
    {
        var id = principal.FindFirst(JiebangClaims.TokenId)?.Value;
        DateTimeOffset? expires = long.TryParse(principal.FindFirst(JiebangClaims.Expires)?.Value, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        return (id, expires);
    }

    internal sealed class Row
    {
        public bool Active { get; set; }
        public string SecurityStamp { get; set; } = "";
        public int Revoked { get; set; }
    }
}

/// <summary>Reads why a request's credentials were refused, for its 401 answer.</summary>
public static class SessionRefusals
{
    public static bool Ended(HttpContext context) => context.Items.ContainsKey(SessionCheck.RefusalItem);
}
