using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Users.Data;
using Jiebang.Platform.Users.Views;

namespace Jiebang.Platform.Users.Features.GetUser;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<UserAccount>
{
    public override void Configure()
    {
        Get("/api/v1/users/{id:guid}");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Auditor, Auth.Roles.Issuer, Auth.Roles.Applicant);
        Description(b => b.Api("Users_Get", "Platform", "用户账号详情 / Get a user account",
                "The task force and auditors open every account; a unit administrator (单位管理员) only those of its own organisation " +
                "(404 for any other, as for one that does not exist); other issuers and applicants get 403.")
            .Ok<UserAccount>().ETag().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await AccountStore.ScopeAsync(connection, User.Caller()) is not { } scope)
        {
            await Send.ResultAsync(AccountProblems.NotAdministrator());
            return;
        }
        var row = await AccountStore.LoadAsync(connection, Route<Guid>("id"));
        if (row is null || !scope.Sees(row))
        {
            await Send.ResultAsync(Problems.NotFound("user"));
            return;
        }
        HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
        await Send.OkAsync(UserAccount.From(row), ct);
    }
}
