using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Auth.Features.SignOut;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/api/v1/auth/sign-out");
        Roles(Auth.Roles.People);
        Description(b => b.Api("Auth_SignOut", "Platform", "退出登录 / Sign out",
                "Ends the token this request carries: from the next request on it answers 401. The account's other tokens stay " +
                "valid (changing the password ends them all).")
            .Produces(StatusCodes.Status204NoContent).Problems(401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (tokenId, expiresAt) = SessionCheck.TokenOf(User);
        if (tokenId is { Length: > 0 and <= 64 } && User.Caller().UserId is { } userId)
        {
            // Token lifetimes run on the system clock (TokenService), so their rows are forgotten by it too.
            var now = TimeProvider.System.GetUtcNow();
            await writes.ExecuteAsync(User.Caller(), async w =>
            {
                await w.ExecuteAsync(Data.Forget, new { Now = now });
                await w.ExecuteAsync(Data.Revoke, new { TokenId = tokenId, UserId = userId, ExpiresAt = expiresAt ?? now.AddDays(1) });
                return true;
            }, ct);
        }
        await Send.NoContentAsync(ct);
    }
}
