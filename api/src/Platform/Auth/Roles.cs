namespace Jiebang.Platform.Auth;

/// <summary>The roles of people and partner systems. Names are stable: they appear in tokens and the API document.</summary>
public static class Roles
{
    public const string TaskForce = "TaskForce";
    public const string Issuer = "Issuer";
    public const string Applicant = "Applicant";
    public const string Expert = "Expert";
    public const string Auditor = "Auditor";

    /// <summary>A district portal or partner system calling with an API key.</summary>
    public const string District = "District";

    public static readonly string[] People = [TaskForce, Issuer, Applicant, Expert, Auditor];

    public static bool IsPersonRole(string role) => People.Contains(role, StringComparer.Ordinal);
}

public static class JiebangClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Organisation = "org";
    public const string Expert = "expert";
    public const string District = "district";

    /// <summary>The account's security stamp when the token was issued; a token whose stamp differs from the account's is refused.</summary>
    public const string Stamp = "stamp";

    /// <summary>The token's own id, stored in platform_revoked_token at sign-out.</summary>
    public const string TokenId = "jti";

    /// <summary>"true" for a unit administrator (单位管理员).</summary>
    public const string OrgAdmin = "orgadmin";

    /// <summary>"true" while the account must change its password: the token then serves only the operations that allow it.</summary>
    public const string PasswordChange = "pwchange";

    /// <summary>The token's expiry (seconds since 1970), as the JWT carries it.</summary>
    public const string Expires = "exp";
}
