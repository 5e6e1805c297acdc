using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Auth;

/// <summary>The check every bearer token passes on every request: active account, same stamp, not signed out.</summary>
public abstract partial class AuthTests
{
    [Fact]
    public async Task A_changed_passwords_old_tokens_answer_401_and_the_fresh_token_works()
    {
        var account = await NewAccountAsync();
        var other = await SignInAsync(account.UserName);
        var session = await SignInAsync(account.UserName);
        await other.Client.GetAsync("/api/v1/challenges").Expect(HttpStatusCode.OK);

        var changed = await ChangeAsync(session.Client, JiebangHost.Password, NewPassword).Expect(HttpStatusCode.OK);

        await other.Client.GetAsync("/api/v1/challenges").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var problem = await session.Client.GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Contains("session has ended", (string?)problem["detail"]);
        var fresh = Bearer((string)changed["accessToken"]!);
        await fresh.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
        // The old password no longer signs in; the new one does.
        await Host.Anonymous().PostJson("/api/v1/auth/token", new { userName = account.UserName, password = JiebangHost.Password })
            .ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await SignInAsync(account.UserName, NewPassword);
    }

    [Fact]
    public async Task A_signed_out_token_answers_401_everywhere_and_the_accounts_other_tokens_still_work()
    {
        var account = await NewAccountAsync();
        var kept = await SignInAsync(account.UserName);
        var session = await SignInAsync(account.UserName);

        await session.Client.PostJson("/api/v1/auth/sign-out").Expect(HttpStatusCode.NoContent);

        await session.Client.GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        // Also where anonymous callers are served: a token sent is a token checked.
        await session.Client.GetAsync("/api/v1/challenges").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await session.Client.PostJson("/api/v1/auth/sign-out").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await kept.Client.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
        Assert.Equal(1, await ScalarAsync<int>("SELECT COUNT(*) FROM platform_revoked_token WHERE user_id = @Id", new { account.Id }));
    }

    [Fact]
    public async Task A_deactivated_users_live_token_answers_401_on_its_next_request()
    {
        var account = await NewAccountAsync();
        var session = await SignInAsync(account.UserName);
        await session.Client.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);

        // As Users_Deactivate does it: the flag and a new stamp.
        await ExecuteAsync("UPDATE platform_user SET active = @Active, security_stamp = @Stamp WHERE id = @Id",
            new { Active = false, Stamp = Guid.NewGuid().ToString("N"), account.Id });

        await session.Client.GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await session.Client.GetAsync("/api/v1/challenges").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task The_active_flag_and_the_stamp_are_each_enough_to_end_a_session()
    {
        var inactive = await NewAccountAsync();
        var first = await SignInAsync(inactive.UserName);
        await ExecuteAsync("UPDATE platform_user SET active = @Active WHERE id = @Id", new { Active = false, inactive.Id });
        await first.Client.GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await ExecuteAsync("UPDATE platform_user SET active = @Active WHERE id = @Id", new { Active = true, inactive.Id });
        await first.Client.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);

        var stamped = await NewAccountAsync();
        var second = await SignInAsync(stamped.UserName);
        await ExecuteAsync("UPDATE platform_user SET security_stamp = @Stamp WHERE id = @Id", new { Stamp = Guid.NewGuid().ToString("N"), stamped.Id });
        await second.Client.GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        // A token made with another key is refused before any of this (nothing to do with the stamp).
        await Bearer(second.Token[..^4] + "AAAA").GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }
}
