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
}
