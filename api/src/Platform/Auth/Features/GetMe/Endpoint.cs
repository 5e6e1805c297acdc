using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Platform.Auth.Features.GetMe;

internal sealed class Endpoint(UserStore users) : EndpointWithoutRequest<CurrentUser>
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
        var user = await users.FindAsync(caller.Name, ct);
        if (user is null || user.Id != caller.UserId)
        {
            await Send.ResultAsync(Problems.NotFound("user"));
            return;
        }
        await Send.OkAsync(CurrentUser.From(user), ct);
    }
}
