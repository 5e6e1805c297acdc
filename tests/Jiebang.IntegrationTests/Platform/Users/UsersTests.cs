using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Users;

/// <summary>People: the task force and unit administrators run accounts (one use case per file).</summary>
public abstract partial class UsersTests(JiebangHost host) : HostTests(host)
{
    private const string Url = "/api/v1/users";

    /// <summary>A password the policy accepts.</summary>
    private const string GoodPassword = "Lan-ting#Xu-2026";

    private static object NewUser(string role, Guid? organisationId = null, Guid? expertId = null, bool? orgAdmin = null,
        string? userName = null, string password = GoodPassword) => new
    {
        userName = userName ?? Scenario.Unique("u"), displayName = "测试用户", role, organisationId, expertId,
        email = "someone@example.cn", mobile = "13800138000", orgAdmin, password,
    };

    private async Task<JsonNode> CreateAsync(object body, string who = Cast.TaskForce) =>
        await (await Host.As(who)).PostJson(Url, body).Expect(HttpStatusCode.Created);

    /// <summary>
    /// A unit administrator of the organisation, made by the task force, who has since chosen its own password (the forced
    /// change at first sign-in is the auth slice's; here the flag is cleared as that change would).
    /// </summary>
    private async Task<(HttpClient Client, Guid Id, string UserName)> UnitAdministratorAsync(Guid organisationId, string role = "Applicant")
    {
        var created = await CreateAsync(NewUser(role, organisationId, orgAdmin: true));
        var userName = (string)created["userName"]!;
        await using (var connection = await Host.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE platform_user SET must_change_password = @No WHERE user_name = @U", new { No = false, U = userName });
        }
        return (await Host.As(userName, GoodPassword), Guid.Parse((string)created["id"]!), userName);
    }

    private async Task<Account> AccountAsync(object id)
    {
        await using var connection = await Host.Db.OpenAsync();
        return await connection.QuerySingleAsync<Account>(
            "SELECT security_stamp AS SecurityStamp, active AS Active, must_change_password AS MustChangePassword, version AS Version, " +
            "password_hash AS PasswordHash, role AS Role FROM platform_user WHERE id = @Id", new { Id = Guid.Parse(id.ToString()!) });
    }

    private async Task<JsonArray> AuditAsync(object id)
    {
        var tf = await Host.As(Cast.TaskForce);
        return (await tf.GetAsync($"/api/v1/audit?entityType=User&entityId={id}").Expect(HttpStatusCode.OK))["items"]!.AsArray();
    }

    private async Task<HttpStatusCode> SignInAsync(string userName, string password)
    {
        using var response = await Host.Anonymous().PostJson("/api/v1/auth/token", new { userName, password });
        return response.StatusCode;
    }

    private static string ETag(JsonNode user) => $"\"{(int)user["version"]!}\"";

    private sealed class Account
    {
        public string SecurityStamp { get; init; } = "";
        public bool Active { get; init; }
        public bool MustChangePassword { get; init; }
        public int Version { get; init; }
        public string PasswordHash { get; init; } = "";
        public string Role { get; init; } = "";
    }
}

public sealed class UsersTestsOnSqlite(SqliteHost host) : UsersTests(host), IClassFixture<SqliteHost>;
public sealed class UsersTestsOnPostgres(PostgresHost host) : UsersTests(host), IClassFixture<PostgresHost>;
