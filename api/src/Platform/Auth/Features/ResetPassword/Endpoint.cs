using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Platform.Auth.Features.ResetPassword;

internal sealed class Endpoint(WritePath writes, AuthOptions options, IPasswordHasher<UserRecord> hasher, SignInThrottle throttle)
    : Endpoint<Request>
{
    public const string InvalidCode = "auth.reset_code_invalid";

    public override void Configure()
    {
        Post("/api/v1/auth/password-reset");
        AllowAnonymous();
        Description(b => b.Api("Auth_ResetPassword", "Platform", "用验证码重设密码 / Reset a forgotten password with the code sent",
                "A right code sets the new password, ends every session of the account (a new security stamp), lifts a forced " +
                "change and a sign-in lockout, and is used up. A wrong, expired or used code, a code tried too often, and an " +
                "unknown user name all answer the same 400 auth.reset_code_invalid; a wrong code counts one of its attempts. " +
                "The new password must pass the password policy (400 password.*). Audited.")
            .Body<Request>().Produces(StatusCodes.Status204NoContent).Problems(400)
            .Codes(400, [InvalidCode, .. AccountRules.PasswordCodes])
            .Example(new { userName = "zhangsan", code = "123456", newPassword = "Kx7-rain-lantern-42" }), clearDefaults: true);
    }

    private enum Outcome { Invalid, Reset }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var name = req.UserName.Trim();
        if (PasswordPolicy.Check(req.NewPassword, name) is { } refusal)
        {
            await Send.ResultAsync(AccountRules.Refused("newPassword", refusal));
            return;
        }
        var hash = hasher.HashPassword(new UserRecord { UserName = name }, req.NewPassword);
        // A wrong code's attempt is committed with the refusal, so this write does not refuse: it says what happened.
        var outcome = await writes.ExecuteAsync(Caller.Anonymous, async w =>
        {
            var user = await UserStore.FindByNameAsync(w.Connection, w.Transaction, name);
            if (user is not { Active: true })
            {
                return Outcome.Invalid;
            }
            var live = (await w.QueryAsync<Data.Code>(Data.LiveCode, new { UserId = user.Id })).FirstOrDefault();
            if (live is null || live.ExpiresAt <= w.Now || live.Attempts >= options.ResetCodeAttempts)
            {
                return Outcome.Invalid;
            }
            if (!ResetCodes.Matches(live.Id, req.Code, live.CodeHash))
            {
                await w.ExecuteAsync(Data.CountAttempt, new { live.Id });
                return Outcome.Invalid;
            }
            if (await w.ExecuteAsync(Data.Use, new { live.Id, w.Now }) == 0)
            {
                return Outcome.Invalid; // a concurrent request used it first
            }
            await w.ExecuteAsync(Data.SetPassword, new
            {
                user.Id, PasswordHash = hash, Stamp = AccountRules.NewStamp(), MustChange = false, w.Now,
            });
            await w.AuditAsync("Platform", "User", user.Id, "ResetPassword", new { by = "code" });
            return Outcome.Reset;
        }, ct);
        if (outcome == Outcome.Invalid)
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status400BadRequest, InvalidCode, "Reset code not valid",
                "验证码不正确或已失效，请重新获取。 / The code is wrong or no longer valid; ask for a new one.",
                new Dictionary<string, string[]> { ["code"] = ["验证码不正确或已失效 / The code is wrong or no longer valid"] }));
            return;
        }
        await throttle.SucceededAsync(name, ct);
        await Send.NoContentAsync(ct);
    }
}
