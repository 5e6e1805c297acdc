using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Users.Data;
using Jiebang.Platform.Users.Views;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Users.Features.ReactivateUser;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<UserAccount>
{
    public override void Configure()
    {
        Post("/api/v1/users/{id:guid}/reactivate");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Auditor, Auth.Roles.Issuer, Auth.Roles.Applicant);
        Description(b => b.Api("Users_Reactivate", "Platform", "重新启用用户账号 / Reactivate a user account",
                "The account can sign in again (tokens issued before its deactivation stay invalid). The task force reactivates " +
                "any account, a unit administrator those of its own organisation (404 for others); auditors and other issuers " +
                "and applicants get 403. An active account is answered as it is. Audited.")
            .IfMatch(required: true).Ok<UserAccount>().ETag().Problems(401, 403, 404, 412, 428), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var row = await AccountStore.ChangeableAsync(w, id);
            if (row.Active)
            {
                return Write.Ok(UserAccount.From(row), row.Version);
            }
            Write.Changed(await w.ExecuteAsync(Data.Reactivate, new { Id = id, row.Version, Active = true, w.Now }));
            await w.AuditAsync(AccountStore.Module, AccountStore.Entity, id, "Reactivate", new { row.UserName });
            var updated = (await AccountStore.LoadAsync(w.Connection, id, w.Transaction))!;
            return Write.Ok(UserAccount.From(updated), updated.Version);
        }, ct));
    }
}
