using System.Globalization;
using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Notifications;
using Jiebang.Platform.Throttling;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Auth.Features.RequestPasswordReset;

internal sealed class Endpoint(WritePath writes, DbConnectionFactory db, Throttle throttle, AuthOptions options, IAccountMessages messages)
    : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/auth/password-reset/request");
        AllowAnonymous();
        Description(b => b.Api("Auth_RequestPasswordReset", "Platform", "忘记密码：发送验证码 / Forgotten password: send a reset code",
                "Sends a 6-digit code (valid 15 minutes, 5 attempts; a new code replaces the earlier ones) to the account's email, " +
                "or else its mobile. The answer is the same 202 whether or not the account exists, is active, has an email or " +
                "mobile, or has reached its limit of codes per hour (then nothing is sent). Too many requests from one address: 429.")
            .Body<Request>().Ok<Response>(StatusCodes.Status202Accepted).Problems(400, 429).Codes(429, "rate_limited")
            .Header(StatusCodes.Status429TooManyRequests, ResponseHeaders.RetryAfter, ResponseHeaders.RetryAfterDescription)
            .Example(new { userName = "zhangsan" }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var addressWindow = TimeSpan.FromMinutes(options.ResetAddressWindowMinutes);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!await throttle.TryHitAsync("reset:ip:" + address, options.ResetsPerAddress, addressWindow, ct))
        {
            var seconds = (int)addressWindow.TotalSeconds;
            HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Send.ResultAsync(Problems.Of(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests",
                $"请求过于频繁，请 {seconds / 60} 分钟后重试。 / Too many requests; retry in {seconds / 60} minutes."));
            return;
        }
        // From here the work is the same for an account that exists and one that does not: the account's bucket is
        // counted by the name typed, a code is made, written and committed (and for nobody removed again before commit).
        var name = req.UserName.Trim();
        var withinAccountLimit = await throttle.TryHitAsync("reset:user:" + SignInThrottle.Normalise(name), options.ResetsPerAccount,
            TimeSpan.FromMinutes(options.ResetAccountWindowMinutes), ct);
        UserRecord? user;
        await using (var connection = await db.OpenAsync(ct))
        {
            user = await UserStore.FindByNameAsync(connection, null, name);
        }
        var deliver = withinAccountLimit && user is { Active: true } && (!string.IsNullOrWhiteSpace(user.Email) || !string.IsNullOrWhiteSpace(user.Mobile));
        var (code, resetId, codeHash) = ResetCodes.New();
        await writes.ExecuteAsync(Caller.Anonymous, async w =>
        {
            // For nobody the same statements run under the empty id, and the row written is removed again before commit.
            var userId = deliver ? user!.Id : Guid.Empty;
            await w.ExecuteAsync(Data.EndEarlier, new { UserId = userId, w.Now });
            await w.ExecuteAsync(Data.Insert, new
            {
                Id = resetId, UserId = userId, CodeHash = codeHash, w.Now, ExpiresAt = w.Now.AddMinutes(options.ResetCodeMinutes),
            });
            await w.ExecuteAsync(Data.ForgetNobody, new { Id = resetId, Nobody = Guid.Empty });
            if (deliver)
            {
                var channel = user!.Email is { Length: > 0 } ? "email" : "mobile";
                await w.AuditAsync("Platform", "User", userId, "RequestPasswordReset", new { channel });
                w.AfterCommit(token => messages.SendAsync(user!, AccountMessageKinds.PasswordResetCode,
                    $"您的揭榜挂帅平台密码重置验证码为 {code}，{options.ResetCodeMinutes} 分钟内有效。如非本人操作，请忽略本消息。",
                    $"Your Jiebang password-reset code is {code}; it is valid for {options.ResetCodeMinutes} minutes. " +
                    "If you did not ask for it, ignore this message.", token));
            }
            return true;
        }, ct);
        await Send.ResultAsync(Results.Json(new Response
        {
            Message = $"如果该账号存在并登记了邮箱或手机号，验证码已发送，{options.ResetCodeMinutes} 分钟内有效。 / If the account exists and has an " +
                      $"email or mobile on record, a code has been sent to it; it is valid for {options.ResetCodeMinutes} minutes.",
        }, JsonDefaults.Options, statusCode: StatusCodes.Status202Accepted));
    }
}
