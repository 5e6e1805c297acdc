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

/// <summary>A bearer token for the Authorization header.</summary>
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

internal sealed class Endpoint(UserStore users, TokenService tokens) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/auth/token");
        AllowAnonymous();
        Description(b => b.Api("Auth_IssueToken", "Platform", "登录并获取访问令牌 / Sign in and get a bearer token")
            .Body<Request>().Ok<Response>().Problems(400, 401)
            .Example(new { userName = "taskforce", password = "Demo#2026" }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var user = await users.FindAsync(req.UserName.Trim(), ct);
        if (user is null || !user.Active || !UserStore.Verify(user, req.Password))
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status401Unauthorized, "auth.invalid_credentials", "Invalid credentials",
                "用户名或密码错误。 / The user name or password is wrong."));
            return;
        }
        var (token, expires) = tokens.Issue(user);
        await Send.OkAsync(new Response { AccessToken = token, ExpiresAt = expires, User = CurrentUser.From(user) }, ct);
    }
}
