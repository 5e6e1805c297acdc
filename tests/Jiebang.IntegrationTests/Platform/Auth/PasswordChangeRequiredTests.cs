using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Auth;

public abstract partial class AuthTests
{
    [Fact]
    public async Task A_token_that_must_change_the_password_serves_only_me_change_sign_out_and_options_until_it_is_changed()
    {
        var account = await NewAccountAsync(mustChange: true);
        var session = await SignInAsync(account.UserName);
        Assert.True((bool)session.Body["user"]!["mustChangePassword"]!);

        // Refused elsewhere, reads and writes, anonymous operations included, and nothing is stored.
        await session.Client.GetAsync("/api/v1/challenges").ExpectProblem(HttpStatusCode.Forbidden, "auth.password_change_required");
        await session.Client.GetAsync("/api/v1/applications").ExpectProblem(HttpStatusCode.Forbidden, "auth.password_change_required");
        await DatabaseSnapshot.Unchanged(Host, () => session.Client.PutJson("/api/v1/auth/me", new { displayName = "改名" })
            .ExpectProblem(HttpStatusCode.Forbidden, "auth.password_change_required"));
        await session.Client.PostJson("/api/v1/auth/password-reset/request", new { userName = account.UserName })
            .ExpectProblem(HttpStatusCode.Forbidden, "auth.password_change_required");
        // Allowed: who am I, the sign-in options, the change itself.
        await session.Client.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
        await session.Client.GetAsync("/api/v1/auth/options").Expect(HttpStatusCode.OK);

        var changed = await ChangeAsync(session.Client, JiebangHost.Password, NewPassword).Expect(HttpStatusCode.OK);
        Assert.False((bool)changed["user"]!["mustChangePassword"]!);
        Assert.False(await ScalarAsync<bool>("SELECT must_change_password FROM platform_user WHERE id = @Id", new { account.Id }));
        var fresh = Bearer((string)changed["accessToken"]!);
        await fresh.GetAsync("/api/v1/challenges").Expect(HttpStatusCode.OK);
        await fresh.PutJson("/api/v1/auth/me", new { displayName = "改名" }).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_that_must_change_the_password_may_sign_out()
    {
        var account = await NewAccountAsync(mustChange: true);
        var session = await SignInAsync(account.UserName);
        await session.Client.PostJson("/api/v1/auth/sign-out").Expect(HttpStatusCode.NoContent);
        await session.Client.GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }
}
