using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Platform.Auth.Features.ChangePassword;

internal sealed class Endpoint(WritePath writes, Database.DbConnectionFactory db, IPasswordHasher<UserRecord> hasher, SignInThrottle throttle,
    TokenService tokens) : Endpoint<Request, Response>
{
    public const string WrongCode = "auth.current_password_wrong";

    public override void Configure()
    {
        Post("/api/v1/auth/password");
        Roles(Auth.Roles.People);
        Description(b => b.Api("Auth_ChangePassword", "Platform", "修改本人密码 / Change one's own password",
                "The current password is required; the new one must pass the password policy (400 password.*). The change sets a " +
                "new security stamp, which ends every session of the account, the one that asked included: the answer carries a " +
                "fresh token. A wrong current password counts as a failed sign-in of the account (429 auth.locked_out at the " +
                "limit). Allowed while the account must change its password. Audited.")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 412, 429)
            .Codes(400, [WrongCode, "password.same_as_current", .. AccountRules.PasswordCodes]).Codes(429, "auth.locked_out")
            .Example(new { currentPassword = "Demo#2026", newPassword = "Kx7-rain-lantern-42" }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, prepare: async token =>
        {
            UserRecord? user;
            await using (var connection = await db.OpenAsync(token))
            {
                user = caller.UserId is { } id ? await UserStore.FindByIdAsync(connection, null, id) : null;
            }
            Write.Found(user, "user");
            if (await throttle.LockedForAsync(user!.UserName, token) is { } locked)
            {
                throw Write.Refuse(LockedOut(locked));
            }
            if (hasher.VerifyHashedPassword(user, user.PasswordHash, req.CurrentPassword) == PasswordVerificationResult.Failed)
            {
                throw Write.Refuse(await throttle.FailedAsync(user.UserName, token) is { } lockout
                    ? LockedOut(lockout)
                    : Problems.Of(StatusCodes.Status400BadRequest, WrongCode, "Current password wrong", "当前密码不正确。 / The current password is wrong.",
                        new Dictionary<string, string[]> { ["currentPassword"] = ["当前密码不正确 / The current password is wrong"] }));
            }
            if (PasswordPolicy.Check(req.NewPassword, user.UserName) is { } refusal)
            {
                throw Write.Refuse(AccountRules.Refused("newPassword", refusal));
            }
            if (req.NewPassword == req.CurrentPassword)
            {
                throw Write.Refuse(AccountRules.Refused("newPassword", new PasswordPolicy.Refusal("password.same_as_current",
                    "新密码不能与当前密码相同", "The new password must differ from the current one")));
            }
            await throttle.SucceededAsync(user.UserName, token);
            return (user, hash: hasher.HashPassword(user, req.NewPassword));
        }, write: async (w, prepared) =>
        {
            var (user, hash) = prepared;
            var stamp = AccountRules.NewStamp();
            Write.Changed(await w.ExecuteAsync(Data.Update, new
            {
                user.Id, user.Version, PasswordHash = hash, Stamp = stamp, MustChange = false, w.Now,
            }));
            await w.AuditAsync("Platform", "User", user.Id, "ChangePassword", new { wasRequired = user.MustChangePassword });
            var changed = new UserRecord
            {
                Id = user.Id, UserName = user.UserName, DisplayName = user.DisplayName, PasswordHash = hash, Role = user.Role,
                OrganisationId = user.OrganisationId, ExpertId = user.ExpertId, Active = user.Active, IsDemo = user.IsDemo,
                Email = user.Email, Mobile = user.Mobile, OrgAdmin = user.OrgAdmin, MustChangePassword = false,
                SecurityStamp = stamp, Version = user.Version + 1,
            };
            var (accessToken, expires) = tokens.Issue(changed);
            var body = await CurrentUser.ReadAsync(w.Connection, w.Transaction, changed);
            return Write.Ok(new Response { AccessToken = accessToken, ExpiresAt = expires, User = body });
        }, ct));
    }

    private IResult LockedOut(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Of(StatusCodes.Status429TooManyRequests, "auth.locked_out", "Too many failed sign-ins",
            $"密码错误次数过多，该账号已暂时锁定，请 {Math.Max(1, seconds / 60)} 分钟后再试。 / Too many wrong passwords: " +
            $"this account is locked for {Math.Max(1, seconds / 60)} minute(s).");
    }
}
