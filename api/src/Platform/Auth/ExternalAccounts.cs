using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Jiebang.Platform.Database;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Platform.Auth;

/// <summary>
/// Maps the tokens of an external OpenID Connect authority (Auth:Authority) to accounts. The token's subject ("sub") names
/// the account whose platform_user.external_subject holds it; that account's role, organisation and active flag apply, as
/// for our own tokens. A subject no account holds, whose token carries the credit-code claim (Auth:CreditCodeClaim,
/// default "credit_code") of an organisation in the registry, gets an applicant account of that organisation on its first
/// request (user name from "preferred_username" when free); any other unknown subject is refused (401). A signed-out
/// token ("jti") is refused as ours are; the authority's own session and password rules apply, so "pwchange" does not.
/// </summary>
public sealed class ExternalAccounts(DbConnectionFactory db, AuthOptions options, WritePath writes, IPasswordHasher<UserRecord> hasher)
{
    public const string PreferredUserName = "preferred_username";
    public const string DisplayName = "name";

    private const string BySubject = """
        SELECT u.id AS Id, u.user_name AS UserName, u.role AS Role, u.organisation_id AS OrganisationId, u.expert_id AS ExpertId,
               u.active AS Active, u.org_admin AS OrgAdmin,
               (SELECT COUNT(*) FROM platform_revoked_token r WHERE r.token_id = @TokenId) AS Revoked
        FROM platform_user u WHERE u.external_subject = @Subject
        """;

    private const string NameTaken = "SELECT COUNT(*) FROM platform_user WHERE user_name = @UserName";

    private const string Insert = """
        INSERT INTO platform_user (id, user_name, display_name, password_hash, role, organisation_id, expert_id, active, is_demo,
                                   created_at, external_subject, security_stamp, updated_at, version)
        VALUES (@Id, @UserName, @DisplayName, @PasswordHash, @Role, @OrganisationId, NULL, @Active, @IsDemo,
                @Now, @Subject, @Stamp, @Now, 1)
        """;

    public async Task<(ClaimsPrincipal? Principal, string? Refusal)> MapAsync(ClaimsPrincipal external, CancellationToken ct)
    {
        var subject = external.FindFirst(JiebangClaims.Subject)?.Value;
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 200)
        {
            return (null, "no subject");
        }
        var tokenId = external.FindFirst(JiebangClaims.TokenId)?.Value;
        var row = await FindAsync(subject, tokenId, ct);
        if (row is null && await ProvisionAsync(external, subject, ct))
        {
            row = await FindAsync(subject, tokenId, ct);
        }
        if (row is null)
        {
            return (null, "no account for this subject");
        }
        if (!row.Active)
        {
            return (null, "account deactivated");
        }
        if (row.Revoked > 0)
        {
            return (null, "signed out");
        }
        var claims = new List<Claim>
        {
            new(JiebangClaims.Subject, row.Id.ToString()),
            new(JiebangClaims.Name, row.UserName),
            new(JiebangClaims.Role, row.Role),
        };
        if (row.OrganisationId is { } org)
        {
            claims.Add(new Claim(JiebangClaims.Organisation, org.ToString()));
        }
        if (row.ExpertId is { } expert)
        {
            claims.Add(new Claim(JiebangClaims.Expert, expert.ToString()));
        }
        if (row.OrgAdmin)
        {
            claims.Add(new Claim(JiebangClaims.OrgAdmin, "true"));
        }
        claims.AddRange(external.Claims.Where(c => c.Type is JiebangClaims.TokenId or JiebangClaims.Expires));
        var identity = new ClaimsIdentity(claims, "External", JiebangClaims.Name, JiebangClaims.Role);
        return (new ClaimsPrincipal(identity), null);
    }

    private async Task<Row?> FindAsync(string subject, string? tokenId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(BySubject, new { Subject = subject, TokenId = tokenId ?? "" })).FirstOrDefault();
    }

    /// <summary>Creates the applicant account of the organisation the credit-code claim names; false when it names none.</summary>
    private async Task<bool> ProvisionAsync(ClaimsPrincipal external, string subject, CancellationToken ct)
    {
        var creditCode = external.FindFirst(options.CreditCodeClaim)?.Value?.Trim().ToUpperInvariant();
        if (creditCode is null || !CreditCode.Validate(creditCode).IsValid)
        {
            return false;
        }
        try
        {
            return await writes.ExecuteAsync(Caller.SystemFor("Auth"), async w =>
            {
                if (await OrganisationStore.FindIdByCodeAsync(w.Connection, w.Transaction, creditCode) is not { } organisationId)
                {
                    return false;
                }
                var fallback = "oidc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..16];
                var preferred = external.FindFirst(PreferredUserName)?.Value?.Trim();
                var userName = preferred is { Length: > 0 and <= 100 }
                               && await w.ExecuteScalarAsync<int>(NameTaken, new { UserName = preferred }) == 0
                    ? preferred
                    : fallback;
                var display = external.FindFirst(DisplayName)?.Value?.Trim() is { Length: > 0 and <= 200 } named ? named : userName;
                var id = Guid.CreateVersion7();
                // No password of ours: a random one, never told to anyone, so only the authority signs this account in.
                var unusable = hasher.HashPassword(new UserRecord { Id = id, UserName = userName }, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                await w.ExecuteAsync(Insert, new
                {
                    Id = id, UserName = userName, DisplayName = display, PasswordHash = unusable, Role = Roles.Applicant,
                    OrganisationId = organisationId, Active = true, IsDemo = false, w.Now, Subject = subject,
                    Stamp = Guid.NewGuid().ToString("N"),
                });
                await w.AuditAsync("Platform", "User", id, "ProvisionExternal", new { userName, organisationId, creditCode });
                return true;
            }, ct);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent first request of the same subject created the account (same fallback name); it is found now.
            return true;
        }
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string UserName { get; set; } = "";
        public string Role { get; set; } = "";
        public Guid? OrganisationId { get; set; }
        public Guid? ExpertId { get; set; }
        public bool Active { get; set; }
        public bool OrgAdmin { get; set; }
        public int Revoked { get; set; }
    }
}
