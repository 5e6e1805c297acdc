using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Auth;

public abstract partial class AuthTests
{
    [Fact]
    public async Task A_code_works_once_ends_every_session_and_lifts_a_forced_change()
    {
        NextWindow();
        var account = await NewAccountAsync(mustChange: true);
        var session = await SignInAsync(account.UserName);
        await RequestResetAsync(Host.Anonymous(), account.UserName).Expect(HttpStatusCode.Accepted);
        var code = LastCode(account.UserName);

        await ResetAsync(Host.Anonymous(), account.UserName, code).Expect(HttpStatusCode.NoContent);

        await session.Client.GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var fresh = await SignInAsync(account.UserName, NewPassword);
        Assert.False((bool)fresh.Body["user"]!["mustChangePassword"]!);
        // Once: the same code again is refused, and changes nothing.
        await DatabaseSnapshot.Unchanged(Host, () => ResetAsync(Host.Anonymous(), account.UserName, code, "Another-pass-2026x")
            .ExpectProblem(HttpStatusCode.BadRequest, "auth.reset_code_invalid"));
        await SignInAsync(account.UserName, NewPassword);
        Assert.Equal(1, await ScalarAsync<int>("SELECT COUNT(*) FROM platform_audit WHERE entity_id = @Id AND action = 'ResetPassword'", new { account.Id }));
    }

    [Fact]
    public async Task A_code_expires_after_fifteen_minutes()
    {
        NextWindow();
        var account = await NewAccountAsync();
        await RequestResetAsync(Host.Anonymous(), account.UserName).Expect(HttpStatusCode.Accepted);
        var code = LastCode(account.UserName);
        Host.Clock.SetUtcNow(Host.Clock.GetUtcNow().AddMinutes(15).AddSeconds(1));
        await DatabaseSnapshot.Unchanged(Host, () => ResetAsync(Host.Anonymous(), account.UserName, code)
            .ExpectProblem(HttpStatusCode.BadRequest, "auth.reset_code_invalid"));
        await SignInAsync(account.UserName);

        // Just inside the fifteen minutes it works.
        NextWindow();
        await RequestResetAsync(Host.Anonymous(), account.UserName).Expect(HttpStatusCode.Accepted);
        var second = LastCode(account.UserName);
        Host.Clock.SetUtcNow(Host.Clock.GetUtcNow().AddMinutes(14).AddSeconds(59));
        await ResetAsync(Host.Anonymous(), account.UserName, second).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Wrong_codes_are_limited_to_five_attempts_then_even_the_right_code_is_refused()
    {
        NextWindow();
        var account = await NewAccountAsync();
        await RequestResetAsync(Host.Anonymous(), account.UserName).Expect(HttpStatusCode.Accepted);
        var code = LastCode(account.UserName);
        var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 5; i++)
        {
            await ResetAsync(Host.Anonymous(), account.UserName, wrong).ExpectProblem(HttpStatusCode.BadRequest, "auth.reset_code_invalid");
        }
        Assert.Equal(5, await ScalarAsync<int>("SELECT attempts FROM platform_password_reset WHERE user_id = @Id", new { account.Id }));
        await ResetAsync(Host.Anonymous(), account.UserName, code).ExpectProblem(HttpStatusCode.BadRequest, "auth.reset_code_invalid");
        await SignInAsync(account.UserName);
    }

    [Fact]
    public async Task A_new_code_replaces_the_earlier_one()
    {
        NextWindow();
        var account = await NewAccountAsync();
        await RequestResetAsync(Host.Anonymous(), account.UserName).Expect(HttpStatusCode.Accepted);
        var first = LastCode(account.UserName);
        await RequestResetAsync(Host.Anonymous(), account.UserName).Expect(HttpStatusCode.Accepted);
        var second = LastCode(account.UserName);
        if (first != second)
        {
            await ResetAsync(Host.Anonymous(), account.UserName, first).ExpectProblem(HttpStatusCode.BadRequest, "auth.reset_code_invalid");
        }
        await ResetAsync(Host.Anonymous(), account.UserName, second).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_unknown_user_a_wrong_code_and_no_code_get_the_identical_refusal()
    {
        NextWindow();
        var account = await NewAccountAsync();
        var never = await NewAccountAsync();
        await RequestResetAsync(Host.Anonymous(), account.UserName).Expect(HttpStatusCode.Accepted);
        var code = LastCode(account.UserName);
        var wrong = code == "000000" ? "000001" : "000000";
        var bodies = new List<string>();
        foreach (var (name, attempt) in new[] { ("nobody-" + Guid.NewGuid().ToString("N")[..8], code), (account.UserName, wrong), (never.UserName, code) })
        {
            var problem = await ResetAsync(Host.Anonymous(), name, attempt).ExpectProblem(HttpStatusCode.BadRequest, "auth.reset_code_invalid");
            problem.AsObject().Remove("traceId");
            bodies.Add(problem.ToJsonString());
        }
        Assert.Single(bodies.Distinct());
    }

    [Fact]
    public async Task A_reset_is_refused_by_the_password_policy_before_the_code_is_tried()
    {
        NextWindow();
        var account = await NewAccountAsync();
        await RequestResetAsync(Host.Anonymous(), account.UserName).Expect(HttpStatusCode.Accepted);
        var code = LastCode(account.UserName);
        await DatabaseSnapshot.Unchanged(Host, () => ResetAsync(Host.Anonymous(), account.UserName, code, "short")
            .ExpectProblem(HttpStatusCode.BadRequest, "password.too_short"));
        await ResetAsync(Host.Anonymous(), account.UserName, code, account.UserName + "-x1").ExpectProblem(HttpStatusCode.BadRequest, "password.contains_user_name");
        Assert.Equal(0, await ScalarAsync<int>("SELECT attempts FROM platform_password_reset WHERE user_id = @Id", new { account.Id }));
        await ResetAsync(Host.Anonymous(), account.UserName, code).Expect(HttpStatusCode.NoContent);
    }
}
