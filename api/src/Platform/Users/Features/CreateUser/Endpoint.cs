using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;
using Jiebang.Platform.Users.Data;
using Jiebang.Platform.Users.Views;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Platform.Users.Features.CreateUser;

internal sealed class Endpoint(WritePath writes, IPasswordHasher<UserRecord> hasher, IServiceProvider services) : Endpoint<Request, UserAccount>
{
    public override void Configure()
    {
        Post("/api/v1/users");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Issuer, Auth.Roles.Applicant);
        Description(b => b.Api("Users_Create", "Platform", "新建用户账号 / Create a user account",
                "The task force creates accounts of every role: an issuer or applicant account needs its organisation, an expert " +
                "account its expert record (which it is then bound to). A unit administrator (单位管理员) creates accounts of its own " +
                "role in its own organisation only (403 user.role_not_allowed / user.outside_organisation); other issuers and applicants " +
                "get 403. The holder must change the password at first sign-in. A taken user name (case-insensitive) is 409 " +
                "user.user_name_taken; the password policy refuses with 400 and the refusal's code. Audited (never the password).")
            .Body<Request>().Ok<UserAccount>(201).ETag().Location().Problems(400, 401, 403, 409)
            .Codes(400, "password.too_short", "password.too_long", "password.contains_user_name", "password.too_common")
            .Codes(403, "user.role_not_allowed", "user.outside_organisation")
            .Codes(409, "user.user_name_taken", "user.expert_taken")
            .Example(new
            {
                userName = "zhang.san", displayName = "张三", role = "Applicant", organisationId = Guid.Empty, email = "zhangsan@example.cn",
                mobile = "13800138000", orgAdmin = false, password = "Chang-cheng#2026",
            }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var userName = req.UserName.Trim();
        var taken = AccountProblems.UserNameTaken(userName);
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain with { OnUniqueViolation = taken }, async w =>
        {
            var scope = await AccountStore.ScopeAsync(w.Connection, w.Caller, w.Transaction) ?? throw Write.Refuse(AccountProblems.NotAdministrator());
            Write.Require(scope.Changes, AccountProblems.ReadOnly());
            var organisationId = req.OrganisationId;
            if (!scope.IsTaskForce)
            {
                Write.Require(req.Role == scope.Role, AccountProblems.RoleNotAllowed());
                Write.Require(organisationId is null || organisationId == scope.OrganisationId, AccountProblems.OutsideOrganisation());
                organisationId = scope.OrganisationId;
            }
            var orgAdmin = req.OrgAdmin ?? false;
            await AccountPlacement.CheckAsync(w, services.GetService(typeof(IExpertAccounts)) as IExpertAccounts, req.Role, organisationId,
                req.ExpertId, orgAdmin);
            if (PasswordPolicy.Check(req.Password, userName) is { } refusal)
            {
                throw Write.Refuse(AccountProblems.Password("password", refusal));
            }
            Write.Require(await w.ExecuteScalarAsync<int>(Data.UserNameTaken, new { UserName = userName }) == 0, taken);

            var id = Guid.CreateVersion7();
            var record = new UserRecord { Id = id, UserName = userName };
            var email = ContactRules.Normalised(req.Email);
            var mobile = ContactRules.Normalised(req.Mobile);
            await w.ExecuteAsync(Data.Insert, new
            {
                Id = id, UserName = userName, DisplayName = req.DisplayName.Trim(), PasswordHash = hasher.HashPassword(record, req.Password),
                req.Role, OrganisationId = organisationId, req.ExpertId, Active = true, IsDemo = false, w.Now, Email = email, Mobile = mobile,
                OrgAdmin = orgAdmin, MustChangePassword = true, SecurityStamp = AccountRules.NewStamp(),
            });
            if (req.ExpertId is { } expertId && services.GetService(typeof(IExpertAccounts)) is IExpertAccounts experts)
            {
                await experts.LinkAsync(w.Connection, w.Transaction, expertId, id, w.Now);
            }
            await w.AuditAsync(AccountStore.Module, AccountStore.Entity, id, "Create", new
            {
                userName, displayName = req.DisplayName.Trim(), req.Role, organisationId, req.ExpertId, orgAdmin, email, mobile,
            });
            var created = (await AccountStore.LoadAsync(w.Connection, id, w.Transaction))!;
            return Write.Created(UserAccount.From(created), $"/api/v1/users/{id}", created.Version);
        }, ct));
    }
}
