using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;
using Jiebang.Platform.Users.Data;
using Jiebang.Platform.Users.Views;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Platform.Users.Features.ResetUserPassword;

internal sealed class Endpoint(WritePath writes, IPasswordHasher<UserRecord> hasher) : Endpoint<Request, UserAccount>
{
    public override void Configure()
    {
        Post("/api/v1/users/{id:guid}/password");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Auditor, Auth.Roles.Issuer, Auth.Roles.Applicant);
        Description(b => b.Api("Users_ResetPassword", "Platform", "重置用户密码 / Reset an account's password",
                "Sets a new password its holder must change at the next sign-in; the account's tokens stop working (its security " +
                "stamp changes). The task force resets any account, a unit administrator those of its own organisation (404 for " +
                "others); auditors and other issuers and applicants get 403. The password policy refuses with 400 and the " +
                "refusal's code. Audited (never the password).")
            .Body<Request>().IfMatch(required: true).Ok<UserAccount>().ETag().Problems(400, 401, 403, 404, 412, 428)
            .Codes(400, "password.too_short", "password.too_long", "password.contains_user_name", "password.too_common"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var row = await AccountStore.ChangeableAsync(w, id);
            if (PasswordPolicy.Check(req.NewPassword, row.UserName) is { } refusal)
            {
                throw Write.Refuse(AccountProblems.Password("newPassword", refusal));
            }
            var hash = hasher.HashPassword(new UserRecord { Id = id, UserName = row.UserName }, req.NewPassword);
            Write.Changed(await w.ExecuteAsync(Data.Update, new
            {
                Id = id, row.Version, PasswordHash = hash, MustChange = true, Stamp = AccountRules.NewStamp(), w.Now,
            }));
            await w.AuditAsync(AccountStore.Module, AccountStore.Entity, id, "ResetPassword", new { row.UserName });
            var updated = (await AccountStore.LoadAsync(w.Connection, id, w.Transaction))!;
            return Write.Ok(UserAccount.From(updated), updated.Version);
        }, ct));
    }
}
