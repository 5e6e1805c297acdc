using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Users.Data;
using Jiebang.Platform.Users.Views;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Users.Features.ChangeUserRole;

internal sealed class Endpoint(WritePath writes, IServiceProvider services) : Endpoint<Request, UserAccount>
{
    public override void Configure()
    {
        Put("/api/v1/users/{id:guid}/role");
        Roles(Auth.Roles.TaskForce);
        Description(b => b.Api("Users_ChangeRole", "Platform", "变更用户角色 / Change an account's role",
                "The task force only. The placement must fit the role (an organisation for Issuer and Applicant, an expert record " +
                "for Expert, which the account is then bound to; a record bound to another account is 409 user.expert_taken). " +
                "The account's tokens stop working (its security stamp changes). Nobody changes their own role " +
                "(409 user.cannot_change_own_role). Audited with the role before and after.")
            .Body<Request>().IfMatch(required: true).Ok<UserAccount>().ETag().Problems(400, 401, 403, 404, 409, 412, 428)
            .Codes(409, "user.cannot_change_own_role", "user.expert_taken"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var experts = services.GetService(typeof(IExpertAccounts)) as IExpertAccounts;
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var row = Write.Found(await AccountStore.LoadAsync(w.Connection, id, w.Transaction), "user");
            w.Matches(row.Version);
            Write.Require(row.Id != w.Caller.UserId, AccountProblems.CannotChangeOwnRole());
            var orgAdmin = req.OrgAdmin ?? false;
            await AccountPlacement.CheckAsync(w, experts, req.Role, req.OrganisationId, req.ExpertId, orgAdmin, row.Id);
            Write.Changed(await w.ExecuteAsync(Data.Update, new
            {
                Id = id, row.Version, req.Role, req.OrganisationId, req.ExpertId, OrgAdmin = orgAdmin, Stamp = Auth.AccountRules.NewStamp(), w.Now,
            }));
            if (experts is not null && row.ExpertId != req.ExpertId)
            {
                await experts.UnlinkAsync(w.Connection, w.Transaction, id, w.Now);
                if (req.ExpertId is { } expertId)
                {
                    await experts.LinkAsync(w.Connection, w.Transaction, expertId, id, w.Now);
                }
            }
            await w.AuditAsync(AccountStore.Module, AccountStore.Entity, id, "ChangeRole", new
            {
                row.UserName,
                before = new { row.Role, row.OrganisationId, row.ExpertId, row.OrgAdmin },
                after = new { req.Role, req.OrganisationId, req.ExpertId, orgAdmin },
            });
            var updated = (await AccountStore.LoadAsync(w.Connection, id, w.Transaction))!;
            return Write.Ok(UserAccount.From(updated), updated.Version);
        }, ct));
    }
}
