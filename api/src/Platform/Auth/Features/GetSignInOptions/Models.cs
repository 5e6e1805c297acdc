namespace Jiebang.Platform.Auth.Features.GetSignInOptions;

/// <summary>What the sign-in page offers.</summary>
internal sealed class Response
{
    /// <summary>The demo accounts to try, or null when no demo data is loaded.</summary>
    public required List<DemoAccount>? DemoAccounts { get; init; }

    /// <summary>The demo accounts' password, or null when no demo data is loaded.</summary>
    public required string? DemoPassword { get; init; }

    /// <summary>Units may register themselves (法人注册).</summary>
    public required bool SelfRegistration { get; init; }

    /// <summary>People sign in at an external OpenID Connect authority, not with a password here.</summary>
    public required bool ExternalAuthority { get; init; }
}

/// <summary>A demo account shown on the sign-in page.</summary>
internal sealed class DemoAccount
{
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
}
