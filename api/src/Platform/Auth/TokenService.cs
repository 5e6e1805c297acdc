using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jiebang.Platform.Auth;

/// <summary>
/// Issues the bearer tokens of the embedded default. Besides who the caller is, a token carries the account's security
/// stamp (checked on every request by <see cref="SessionCheck"/>), its own id (jti, for sign-out), "orgadmin" for a unit
/// administrator and "pwchange" while the account must change its password.
/// </summary>
public sealed class TokenService(AuthOptions options)
{
    public static SymmetricSecurityKey KeyFrom(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserRecord user)
    {
        // Token lifetimes are checked by the bearer handler against the system clock, so they are issued on it too;
        // business time (windows, deadlines) comes from the injected TimeProvider everywhere else.
        var now = TimeProvider.System.GetUtcNow();
        var expires = now.AddMinutes(options.TokenLifetimeMinutes);
        var claims = new List<Claim>
        {
            new(JiebangClaims.Subject, user.Id.ToString()),
            new(JiebangClaims.Name, user.UserName),
            new(JiebangClaims.Role, user.Role),
            new(JiebangClaims.Stamp, user.SecurityStamp),
            new(JiebangClaims.TokenId, Guid.CreateVersion7().ToString("N")),
        };
        if (user.OrgAdmin)
        {
            claims.Add(new Claim(JiebangClaims.OrgAdmin, "true"));
        }
        if (user.MustChangePassword)
        {
            claims.Add(new Claim(JiebangClaims.PasswordChange, "true"));
        }
        if (user.OrganisationId is { } org)
        {
            claims.Add(new Claim(JiebangClaims.Organisation, org.ToString()));
        }
        if (user.ExpertId is { } expert)
        {
            claims.Add(new Claim(JiebangClaims.Expert, expert.ToString()));
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(KeyFrom(options.SigningKey!), SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}
