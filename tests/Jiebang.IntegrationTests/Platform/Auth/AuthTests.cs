using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Platform.Auth;

/// <summary>
/// Passwords and sessions: sign-in, the per-request session check (stamp, active, signed out), the forced change, the
/// change, the reset by code, the profile and the sign-in options, one use case per file. Every test makes its own account.
/// </summary>
public abstract partial class AuthTests(JiebangHost host) : HostTests(host)
{
    private const string NewPassword = "Kx7-rain-lantern-42";

    public sealed record Account(Guid Id, string UserName);

    public sealed record Session(HttpClient Client, string Token, JsonNode Body);

    /// <summary>A fresh account of the applicant organisation with an email on record.</summary>
    private async Task<Account> NewAccountAsync(string? email = "someone@example.cn", string? mobile = null, bool mustChange = false,
        bool orgAdmin = false, string role = Roles.Applicant)
    {
        var users = Host.Services.GetRequiredService<UserStore>();
        var name = Scenario.Unique("acct");
        var (connection, tx) = await Host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            var organisation = role is Roles.Applicant or Roles.Issuer ? Host.Cast.ApplicantOrg : (Guid?)null;
            var user = await users.CreateAsync(connection, tx, name, "测试账号", JiebangHost.Password, role, organisation, null, false);
            await connection.ExecuteAsync(
                "UPDATE platform_user SET email = @Email, mobile = @Mobile, must_change_password = @MustChange, org_admin = @OrgAdmin WHERE id = @Id",
                new { Email = email, Mobile = mobile, MustChange = mustChange, OrgAdmin = orgAdmin, user.Id }, tx);
            await tx.CommitAsync();
            return new Account(user.Id, name);
        }
    }

    private async Task<Session> SignInAsync(string userName, string password = JiebangHost.Password)
    {
        var client = Host.Anonymous();
        var body = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }).Expect(HttpStatusCode.OK);
        var token = (string)body["accessToken"]!;
        return new Session(Bearer(token), token, body);
    }

    private HttpClient Bearer(string token)
    {
        var client = Host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Host.Db.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    private async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await Host.Db.OpenAsync();
        await connection.ExecuteAsync(sql, args);
    }

    private DevelopmentAccountMessages Messages => Host.Services.GetRequiredService<DevelopmentAccountMessages>();

    private int MessageCount(string userName) => Messages.Recent.Count(m => m.UserName == userName);

    /// <summary>The code of the last reset message sent to the account.</summary>
    private string LastCode(string userName)
    {
        var message = Messages.Recent.Last(m => m.UserName == userName && m.Kind == AccountMessageKinds.PasswordResetCode);
        return Regex.Match(message.English, @"\b\d{6}\b").Value;
    }

    /// <summary>Moves business time past every reset window, so per-address and per-account counts start afresh.</summary>
    private void NextWindow() => Host.Clock.SetUtcNow(Host.Clock.GetUtcNow().AddHours(2));

    private static Task<HttpResponseMessage> RequestResetAsync(HttpClient client, string userName) =>
        client.PostJson("/api/v1/auth/password-reset/request", new { userName });

    private static Task<HttpResponseMessage> ResetAsync(HttpClient client, string userName, string code, string newPassword = NewPassword) =>
        client.PostJson("/api/v1/auth/password-reset", new { userName, code, newPassword });

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next) =>
        client.PostJson("/api/v1/auth/password", new { currentPassword = current, newPassword = next });
}

public sealed class AuthTestsOnSqlite(SqliteHost host) : AuthTests(host), IClassFixture<SqliteHost>;
public sealed class AuthTestsOnPostgres(PostgresHost host) : AuthTests(host), IClassFixture<PostgresHost>;
