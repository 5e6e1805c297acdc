using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiebang.IntegrationTests.Platform.Hardening;

/// <summary>A host with low limits and a configured CORS origin, so the edge protections can be seen working.</summary>
public sealed class HardenedSqliteHost : SqliteHost
{
    public const string Origin = "https://portal.haidian.example";

    public HardenedSqliteHost()
    {
        Settings["RateLimits:PerApiKeyPerMinute"] = "5";
        Settings["RateLimits:PerAddressPerMinute"] = "40";
        // The limiter counts on the real clock (it takes no TimeProvider): a window of a day never ends while the tests run,
        // so the counts the tests make are never refilled half-way.
        Settings["RateLimits:WindowSeconds"] = "86400";
        Settings["Cors:Origins:0"] = Origin;
        Settings["Limits:MaxRequestBodyBytes"] = "65536";
        Settings["Auth:MaxFailedSignIns"] = "3";
        Settings["OpenApi:Serve"] = "false";
    }

    /// <summary>The host's password hasher, counting the hashes it verifies.</summary>
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IPasswordHasher<UserRecord>>();
        services.AddSingleton<IPasswordHasher<UserRecord>>(Hasher);
    }
}

/// <summary>The host's own hasher, observed: how many stored hashes it was asked to verify.</summary>
public sealed class CountingHasher : IPasswordHasher<UserRecord>
{
    private readonly PasswordHasher<UserRecord> _inner = new();
    private int _verified;

    public int Verified => Volatile.Read(ref _verified);

    public string HashPassword(UserRecord user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(UserRecord user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class HardeningTests(HardenedSqliteHost host) : HostTests(host), IClassFixture<HardenedSqliteHost>
{
    [Fact]
    public async Task An_api_key_over_its_limit_gets_429_with_retry_after_and_other_keys_are_not_affected()
    {
        var portal = Host.WithApiKey(Host.Cast.DistrictKey);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await portal.GetAsync("/api/v1/challenges")).StatusCode);
        }
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        var refused = await portal.GetAsync("/api/v1/challenges");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must say when to come back");
        var problem = await refused.NodeAsync();
        Assert.Equal("rate_limited", (string?)problem["code"]);

        var other = Host.WithApiKey(Host.Cast.OtherDistrictKey);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/challenges")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.Anonymous().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_user_name_is_locked_after_repeated_failures_even_for_the_right_password_and_unknown_names_behave_the_same()
    {
        var client = Host.Anonymous();
        for (var i = 0; i < 2; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Cast.Auditor, password = "wrong" })
                .ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }
        var third = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Cast.Auditor, password = "wrong" });
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Cast.Auditor, password = JiebangHost.Password })
            .ExpectProblem(HttpStatusCode.TooManyRequests, "auth.locked_out");

        for (var i = 0; i < 2; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody-at-all", password = "wrong" })
                .ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody-at-all", password = "wrong" })
            .ExpectProblem(HttpStatusCode.TooManyRequests, "auth.locked_out");

        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(saved.AddMinutes(16));
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Cast.Auditor, password = JiebangHost.Password }).Expect(HttpStatusCode.OK);
            await using var connection = await Host.Db.OpenAsync();
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM platform_login_throttle WHERE user_name = @Name", new { Name = Cast.Auditor }));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_a_deeply_nested_one_with_400_storing_nothing()
    {
        var tf = await Host.As(Cast.TaskForce);
        var huge = new StringContent("{\"code\":\"" + new string('x', 70_000) + "\"}", Encoding.UTF8, "application/json");
        var tooLarge = await DatabaseSnapshot.Unchanged(Host, () => tf.PostAsync("/api/v1/programmes", huge)
            .ExpectProblem(HttpStatusCode.RequestEntityTooLarge, "request.too_large"));
        Assert.Contains("request body", (string?)tooLarge["detail"]);

        var deep = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            deep.Append("{\"a\":");
        }
        deep.Append('1').Append('}', 200);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostAsync("/api/v1/programmes", new StringContent(deep.ToString(), Encoding.UTF8, "application/json"))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
    }

    [Fact]
    public async Task Cors_answers_only_the_configured_origin_and_every_response_carries_security_headers()
    {
        var client = Host.Anonymous();
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/v1/challenges");
        allowed.Headers.Add("Origin", HardenedSqliteHost.Origin);
        allowed.Headers.Add("Access-Control-Request-Method", "GET");
        allowed.Headers.Add("Access-Control-Request-Headers", "x-api-key");
        var preflight = await client.SendAsync(allowed);
        Assert.Equal(HardenedSqliteHost.Origin, preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/challenges");
        other.Headers.Add("Origin", "https://evil.example");
        var response = await client.SendAsync(other);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var problem = await client.GetAsync("/api/v1/nothing-here");
        Assert.Equal("nosniff", problem.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task An_unknown_user_name_costs_the_same_password_hash_work_as_a_wrong_password()
    {
        var client = Host.Anonymous();
        var before = ((HardenedSqliteHost)Host).Hasher.Verified;
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Cast.Expert, password = "wrong" })
            .ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Equal(before + 1, ((HardenedSqliteHost)Host).Hasher.Verified);

        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "no-such-user-" + Guid.NewGuid().ToString("N")[..8], password = "wrong" })
            .ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Equal(before + 2, ((HardenedSqliteHost)Host).Hasher.Verified);

        await Host.As(Cast.Expert);
        Assert.Equal(before + 3, ((HardenedSqliteHost)Host).Hasher.Verified);
    }

    [Fact]
    public async Task Outside_development_the_openapi_document_and_ui_are_not_served_unless_configured()
    {
        var client = Host.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/swagger/index.html")).StatusCode);
        var root = await client.GetAsync("/");
        Assert.DoesNotContain("swagger", root.Headers.Location?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
