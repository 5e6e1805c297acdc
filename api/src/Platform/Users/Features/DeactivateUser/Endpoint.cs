using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Users.Data;
using Jiebang.Platform.Users.Views;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Users.Features.DeactivateUser;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<UserAccount>
{
    public override void Configure()
    {
        Post("/api/v1/users/{id:guid}/deactivate");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Auditor, Auth.Roles.Issuer, Auth.Roles.Applicant);
        Description(b => b.Api("Users_Deactivate", "Platform", "停用用户账号 / Deactivate a user account",
                "The account can no longer sign in, and its tokens stop working (its security stamp changes). The task force " +
                "deactivates any account, a unit administrator those of its own organisation (404 for others); auditors and other " +
                "issuers and applicants get 403. Nobody deactivates their own account (409 user.cannot_deactivate_self). " +
                "An account already deactivated is answered as it is. Audited.")
            .IfMatch(required: true).Ok<UserAccount>().ETag().Problems(401, 403, 404, 409, 412, 428)
            .Codes(409, "user.cannot_deactivate_self"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var row = await AccountStore.ChangeableAsync(w, id);
            Write.Require(row.Id != w.Caller.UserId, AccountProblems.CannotDeactivateSelf());
            if (!row.Active)
            {
                return Write.Ok(UserAccount.From(row), row.Version);
            }
            Write.Changed(await w.ExecuteAsync(Data.Deactivate, new { Id = id, row.Version, Active = false, Stamp = Auth.AccountRules.NewStamp(), w.Now }));
            await w.AuditAsync(AccountStore.Module, AccountStore.Entity, id, "Deactivate", new { row.UserName });
            var updated = (await AccountStore.LoadAsync(w.Connection, id, w.Transaction))!;
            return Write.Ok(UserAccount.From(updated), updated.Version);
        }, ct));
    }
}
