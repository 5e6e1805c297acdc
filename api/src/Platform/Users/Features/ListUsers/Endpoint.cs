using Dapper;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Platform.Paging;
using Jiebang.Platform.Users.Data;
using Jiebang.Platform.Users.Views;

namespace Jiebang.Platform.Users.Features.ListUsers;

internal sealed class Endpoint(DbConnectionFactory db) : Endpoint<Request, Paged<UserAccount>>
{
    public override void Configure()
    {
        Get("/api/v1/users");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Auditor, Auth.Roles.Issuer, Auth.Roles.Applicant);
        Description(b => b.Api("Users_List", "Platform", "用户账号查询 / Search user accounts",
                "The task force and auditors see every account; a unit administrator (单位管理员) only those of its own organisation " +
                "(another organisationId gives an empty page); other issuers and applicants get 403. Ordered by user name.")
            .Ok<Paged<UserAccount>>().Problems(400, 401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await AccountStore.ScopeAsync(connection, User.Caller()) is not { } scope)
        {
            await Send.ResultAsync(AccountProblems.NotAdministrator());
            return;
        }
        var where = new Conditions()
            .AndIf(!scope.SeesAll, "u.organisation_id = @Own")
            .AndIf(req.OrganisationId is not null, "u.organisation_id = @OrganisationId")
            .AndIf(req.Role is not null, "u.role = @Role")
            .AndIf(req.Active is not null, "u.active = @Active");
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            where.And($"{db.Dialect.ContainsIgnoreCase("u.user_name", "@Q")} OR {db.Dialect.ContainsIgnoreCase("u.display_name", "@Q")} OR " +
                      $"{db.Dialect.ContainsIgnoreCase("u.email", "@Q")} OR {db.Dialect.ContainsIgnoreCase("u.mobile", "@Q")}");
        }
        var args = new
        {
            Own = scope.OrganisationId, req.OrganisationId, req.Role, req.Active,
            Q = string.IsNullOrWhiteSpace(req.Q) ? null : SqlDialect.ContainsPattern(req.Q.Trim()),
            req.Skip, Take = req.PageSize,
        };
        var total = await connection.ExecuteScalarAsync<int>(Data.Count(where.Sql), args);
        var rows = await connection.QueryAsync<AccountRow>(Data.Page(where.Sql, db.Dialect.Page), args);
        await Send.OkAsync(new Paged<UserAccount>
        {
            Items = rows.Select(UserAccount.From).ToList(), Total = total, Page = req.Page, PageSize = req.PageSize,
        }, ct);
    }
}
