using System.Diagnostics;
using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Auth;

public abstract partial class AuthTests
{
    [Fact]
    public async Task The_answer_is_the_same_for_an_existing_account_an_unknown_one_and_one_without_contact_details()
    {
        NextWindow();
        var account = await NewAccountAsync(email: "reset@example.cn");
        var silent = await NewAccountAsync(email: null, mobile: null);
        var client = Host.Anonymous();

        var answers = new List<(HttpStatusCode Status, string Body, string? ContentType)>();
        foreach (var name in new[] { account.UserName, "nobody-" + Guid.NewGuid().ToString("N")[..8], silent.UserName })
        {
            using var response = await RequestResetAsync(client, name);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString()));
        }
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Single(answers.Select(a => a.ContentType).Distinct());
        Assert.Equal(1, MessageCount(account.UserName));
        Assert.Equal(0, MessageCount(silent.UserName));
        // Only the existing account with an address got a code; nothing is kept for the others.
        Assert.Equal(1, await ScalarAsync<int>("SELECT COUNT(*) FROM platform_password_reset WHERE user_id = @Id", new { account.Id }));
        Assert.Equal(0, await ScalarAsync<int>("SELECT COUNT(*) FROM platform_password_reset WHERE user_id = @Id", new { silent.Id }));
        Assert.Equal(0, await ScalarAsync<int>("SELECT COUNT(*) FROM platform_password_reset WHERE user_id = @Id", new { Id = Guid.Empty }));
        var sent = Messages.Recent.Last(m => m.UserName == account.UserName);
        Assert.Equal("reset@example.cn", sent.Email);
        Assert.Matches(@"\b\d{6}\b", sent.Chinese);
    }

    [Fact]
    public async Task An_existing_and_an_unknown_account_take_about_the_same_time()
    {
        var account = await NewAccountAsync();
        var client = Host.Anonymous();
        var known = new List<double>();
        var unknown = new List<double>();
        const int rounds = 12;
        for (var i = 0; i < rounds; i++)
        {
            // A fresh window each round, so the existing account is sent a code every time (the most work it can cause).
            NextWindow();
            foreach (var (name, times) in i % 2 == 0
                         ? new[] { (account.UserName, known), ("nobody-" + i + Guid.NewGuid().ToString("N")[..6], unknown) }
                         : new[] { ("nobody-" + i + Guid.NewGuid().ToString("N")[..6], unknown), (account.UserName, known) })
            {
                var watch = Stopwatch.StartNew();
                await RequestResetAsync(client, name).Expect(HttpStatusCode.Accepted);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        Assert.Equal(rounds, MessageCount(account.UserName));
        Assert.Equal(0, await ScalarAsync<int>("SELECT COUNT(*) FROM platform_password_reset WHERE user_id = @Id", new { Id = Guid.Empty }));
        var (k, u) = (Median(known.Skip(2)), Median(unknown.Skip(2)));
        Figures.Report($"password-reset request ({Host.ProviderName}): median {k:0.0} ms for an existing account, {u:0.0} ms for an unknown one");
        // Roughly the same (both write and commit; only the audit record and the message differ), within what a loaded
        // machine lets a median of ten show.
        Assert.True(u >= k / 3 && u <= k * 3 || Math.Abs(u - k) < 15, $"existing {k:0.0} ms, unknown {u:0.0} ms");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [Fact]
    public async Task Past_the_accounts_limit_the_answer_is_the_same_and_nothing_is_sent()
    {
        NextWindow();
        var account = await NewAccountAsync();
        var client = Host.Anonymous();
        var bodies = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            bodies.Add((await RequestResetAsync(client, account.UserName).Expect(HttpStatusCode.Accepted)).ToJsonString());
        }
        Assert.Single(bodies);
        Assert.Equal(3, MessageCount(account.UserName));
        // A new window sends again.
        NextWindow();
        await RequestResetAsync(client, account.UserName).Expect(HttpStatusCode.Accepted);
        Assert.Equal(4, MessageCount(account.UserName));
    }

    [Fact]
    public async Task Past_the_addresss_limit_the_answer_is_429_rate_limited_with_retry_after()
    {
        NextWindow();
        var client = Host.Anonymous();
        for (var i = 0; i < 10; i++)
        {
            await RequestResetAsync(client, "nobody-" + i).Expect(HttpStatusCode.Accepted);
        }
        using var response = await RequestResetAsync(client, "nobody-10");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("rate_limited", (string?)(await response.NodeAsync())["code"]);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        NextWindow();
        await RequestResetAsync(client, "nobody-11").Expect(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task The_code_goes_to_the_mobile_when_there_is_no_email()
    {
        NextWindow();
        var account = await NewAccountAsync(email: null, mobile: "13700001111");
        await RequestResetAsync(Host.Anonymous(), account.UserName).Expect(HttpStatusCode.Accepted);
        var sent = Messages.Recent.Last(m => m.UserName == account.UserName);
        Assert.Equal("13700001111", sent.Mobile);
        Assert.Null(sent.Email);
    }
}
