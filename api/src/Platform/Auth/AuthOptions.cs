namespace Jiebang.Platform.Auth;

/// <summary>Bound from the <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    /// <summary>Used only in Development when no key is configured; the host refuses it anywhere else.</summary>
    public const string DevelopmentSigningKey = "jiebang-development-signing-key-do-not-use-in-production-0001";

    public const string Issuer = "jiebang";
    public const string Audience = "jiebang-api";

    /// <summary>HMAC key (at least 32 characters) for the tokens this API issues.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An external OpenID Connect authority; when set, its tokens are accepted instead of our own.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience expected in tokens from the external authority.</summary>
    public string? AuthorityAudience { get; set; }

    public int TokenLifetimeMinutes { get; set; } = 480;

    /// <summary>Failed sign-ins for one user name within <see cref="FailureWindowMinutes"/> before it is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>How long a locked user name is refused, even with the right password.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>The claim of the external authority's tokens that carries the unit's 统一社会信用代码.</summary>
    public string CreditCodeClaim { get; set; } = "credit_code";

    /// <summary>How long a password-reset code is valid.</summary>
    public int ResetCodeMinutes { get; set; } = 15;

    /// <summary>Wrong codes tried against one reset code before it stops working.</summary>
    public int ResetCodeAttempts { get; set; } = 5;

    /// <summary>Codes sent to one account within <see cref="ResetAccountWindowMinutes"/>; past it the answer is the same, but nothing is sent.</summary>
    public int ResetsPerAccount { get; set; } = 3;

    public int ResetAccountWindowMinutes { get; set; } = 60;

    /// <summary>Reset requests from one client address within <see cref="ResetAddressWindowMinutes"/>; past it 429.</summary>
    public int ResetsPerAddress { get; set; } = 10;

    public int ResetAddressWindowMinutes { get; set; } = 15;
}
