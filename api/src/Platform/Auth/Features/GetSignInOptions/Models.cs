namespace Jiebang.Platform.Auth.Features.GetSignInOptions;

/// <summary>登录页选项 / What the sign-in page offers.</summary>
internal sealed class Response
{
    /// <summary>演示账号 / The demo accounts to try, or null when no demo data is loaded.</summary>
    public required List<DemoAccount>? DemoAccounts { get; init; }

    /// <summary>演示密码 / The demo accounts' password, or null when no demo data is loaded.</summary>
    public required string? DemoPassword { get; init; }

    /// <summary>允许单位自行注册 / Units may register themselves (法人注册).</summary>
    public required bool SelfRegistration { get; init; }

    /// <summary>外部身份认证 / People sign in at an external OpenID Connect authority, not with a password here.</summary>
    public required bool ExternalAuthority { get; init; }
}

/// <summary>演示账号 / A demo account shown on the sign-in page.</summary>
internal sealed class DemoAccount
{
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
}
