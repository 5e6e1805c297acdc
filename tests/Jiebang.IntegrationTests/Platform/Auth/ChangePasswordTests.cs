using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Auth;

public abstract partial class AuthTests
{
    [Fact]
    public async Task Policy_refusals_name_their_code_and_the_field_and_change_nothing()
    {
        var account = await NewAccountAsync();
        var session = await SignInAsync(account.UserName);
        var refusals = new[]
        {
            await DatabaseSnapshot.Unchanged(Host, () => ChangeAsync(session.Client, JiebangHost.Password, "short-1")
                .ExpectProblem(HttpStatusCode.BadRequest, "password.too_short")),
            await DatabaseSnapshot.Unchanged(Host, () => ChangeAsync(session.Client, JiebangHost.Password, $"x{account.UserName}-2026")
                .ExpectProblem(HttpStatusCode.BadRequest, "password.contains_user_name")),
            await DatabaseSnapshot.Unchanged(Host, () => ChangeAsync(session.Client, JiebangHost.Password, "qwerty123456")
                .ExpectProblem(HttpStatusCode.BadRequest, "password.too_common")),
            await DatabaseSnapshot.Unchanged(Host, () => ChangeAsync(session.Client, JiebangHost.Password, JiebangHost.Password)
                .ExpectProblem(HttpStatusCode.BadRequest, "password.same_as_current")),
            await DatabaseSnapshot.Unchanged(Host, () => ChangeAsync(session.Client, JiebangHost.Password, new string('k', 201) + "7Xz")
                .ExpectProblem(HttpStatusCode.BadRequest, "password.too_long")),
        };
        foreach (var problem in refusals)
        {
            var message = (string)problem["errors"]!["newPassword"]![0]!;
            Assert.Contains(" / ", message); // 中文 / English
        }
        await session.Client.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK); // nothing ended the session
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_and_counts_as_a_failed_sign_in_up_to_the_lockout()
    {
        var account = await NewAccountAsync();
        var session = await SignInAsync(account.UserName);
        for (var i = 1; i < 5; i++)
        {
            var problem = await DatabaseSnapshot.Unchanged(Host, () => ChangeAsync(session.Client, "Wrong#Passw0rd-" + i, NewPassword)
                .ExpectProblem(HttpStatusCode.BadRequest, "auth.current_password_wrong"));
            Assert.NotNull(problem["errors"]!["currentPassword"]);
        }
        await ChangeAsync(session.Client, "Wrong#Passw0rd-5", NewPassword).ExpectProblem(HttpStatusCode.TooManyRequests, "auth.locked_out");
        // Locked: even the right password is refused now, for a change and for a sign-in.
        await ChangeAsync(session.Client, JiebangHost.Password, NewPassword).ExpectProblem(HttpStatusCode.TooManyRequests, "auth.locked_out");
        await Host.Anonymous().PostJson("/api/v1/auth/token", new { userName = account.UserName, password = JiebangHost.Password })
            .ExpectProblem(HttpStatusCode.TooManyRequests, "auth.locked_out");
    }

    [Fact]
    public async Task A_change_is_audited_and_bumps_the_version()
    {
        var account = await NewAccountAsync();
        var session = await SignInAsync(account.UserName);
        var before = await ScalarAsync<int>("SELECT version FROM platform_user WHERE id = @Id", new { account.Id });
        await ChangeAsync(session.Client, JiebangHost.Password, NewPassword).Expect(HttpStatusCode.OK);
        Assert.Equal(before + 1, await ScalarAsync<int>("SELECT version FROM platform_user WHERE id = @Id", new { account.Id }));
        Assert.Equal(1, await ScalarAsync<int>("SELECT COUNT(*) FROM platform_audit WHERE entity_id = @Id AND action = 'ChangePassword'", new { account.Id }));
    }
}
