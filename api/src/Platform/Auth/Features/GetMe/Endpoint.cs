using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Platform.Auth.Features.GetMe;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<CurrentUser>
{
    public override void Configure()
    {
        Get("/api/v1/auth/me");
        Roles(Auth.Roles.People);
        Description(b => b.Api("Auth_GetMe", "Platform", "当前登录用户 / The signed-in user")
            .Ok<CurrentUser>().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var caller = User.Caller();
        await using var connection = await db.OpenAsync(ct);
        var user = caller.UserId is { } id ? await UserStore.FindByIdAsync(connection, null, id) : null;
        if (user is null)
        {
            await Send.ResultAsync(Problems.NotFound("user"));
            return;
        }
        await Send.OkAsync(await CurrentUser.ReadAsync(connection, null, user), ct);
    }
}
