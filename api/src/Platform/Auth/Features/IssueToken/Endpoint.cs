using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Auth.Features.IssueToken;

/// <summary>Sign-in credentials.</summary>
public sealed class Request
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>
/// A bearer token for the Authorization header. When <c>user.mustChangePassword</c> is true the token serves only
/// Auth_GetMe, Auth_ChangePassword, Auth_SignOut and Auth_GetSignInOptions until the password is changed.
/// </summary>
public sealed class Response
{
    public required string AccessToken { get; init; }
    public string TokenType { get; init; } = "Bearer";
    public required DateTimeOffset ExpiresAt { get; init; }
    public required CurrentUser User { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(200);
    }
}

internal sealed class Endpoint(UserStore users, PasswordCheck passwords, TokenService tokens, SignInThrottle throttle, Database.DbConnectionFactory db)
    : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/auth/token");
        AllowAnonymous();
        Description(b => b.Api("Auth_IssueToken", "Platform", "登录并获取访问令牌 / Sign in and get a bearer token")
            .Body<Request>().Ok<Response>().Problems(400, 401, 429).Codes(429, "auth.locked_out", "rate_limited")
            .Example(new { userName = "taskforce", password = "Demo#2026" }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await throttle.LockedForAsync(req.UserName, ct) is { } locked)
        {
            await Send.ResultAsync(LockedOut(locked));
            return;
        }
        var user = await users.FindAsync(req.UserName.Trim(), ct);
        if (!passwords.Verify(user, req.Password) || user is null)
        {
            await Send.ResultAsync(await throttle.FailedAsync(req.UserName, ct) is { } lockout
                ? LockedOut(lockout)
                : Problems.Of(StatusCodes.Status401Unauthorized, "auth.invalid_credentials", "Invalid credentials",
                    "用户名或密码错误。 / The user name or password is wrong."));
            return;
        }
        await throttle.SucceededAsync(req.UserName, ct);
        var (token, expires) = tokens.Issue(user);
        await using var connection = await db.OpenAsync(ct);
        await Send.OkAsync(new Response { AccessToken = token, ExpiresAt = expires, User = await CurrentUser.ReadAsync(connection, null, user) }, ct);
    }

    private IResult LockedOut(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Of(StatusCodes.Status429TooManyRequests, "auth.locked_out", "Too many failed sign-ins",
            $"登录失败次数过多，该账号已暂时锁定，请 {Math.Max(1, seconds / 60)} 分钟后再试。 / Too many failed sign-ins: " +
            $"this user name is locked for {Math.Max(1, seconds / 60)} minute(s).");
    }
}
