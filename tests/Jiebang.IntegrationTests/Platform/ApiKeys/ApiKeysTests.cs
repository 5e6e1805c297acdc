using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.ApiKeys;

/// <summary>District API keys run from the API: create (shown once), list, revoke, rotate; one use case per file.</summary>
public abstract partial class ApiKeysTests(JiebangHost host) : HostTests(host)
{
    private const string Url = "/api/v1/api-keys";

    /// <summary>An operation a district key may call: the registry of its district.</summary>
    private const string KeyProbe = "/api/v1/organisations";

    private async Task<JsonNode> CreateAsync(string district = "110102", string? name = null) =>
        await (await Host.As(Cast.TaskForce)).PostJson(Url, new { name = name ?? Scenario.Unique("西城区门户"), districtCode = district })
            .Expect(HttpStatusCode.Created);

    private async Task<HttpStatusCode> ProbeAsync(string key)
    {
        using var response = await Host.WithApiKey(key).GetAsync(KeyProbe);
        return response.StatusCode;
    }

    private async Task<JsonNode> ItemAsync(object id)
    {
        var list = await (await Host.As(Cast.TaskForce)).GetAsync(Url).Expect(HttpStatusCode.OK);
        return list.AsArray().Single(k => (string?)k!["id"] == id.ToString())!;
    }

    private async Task<JsonArray> AuditAsync(object id)
    {
        var tf = await Host.As(Cast.TaskForce);
        return (await tf.GetAsync($"/api/v1/audit?entityType=ApiKey&entityId={id}").Expect(HttpStatusCode.OK))["items"]!.AsArray();
    }

    private async Task<DateTimeOffset?> LastUsedAsync(object id)
    {
        await using var connection = await Host.Db.OpenAsync();
        return (await connection.QuerySingleAsync<Used>("SELECT last_used_at AS LastUsedAt FROM platform_api_key WHERE id = @Id",
            new { Id = Guid.Parse(id.ToString()!) })).LastUsedAt;
    }

    private sealed class Used
    {
        public DateTimeOffset? LastUsedAt { get; init; }
    }
}

public sealed class ApiKeysTestsOnSqlite(SqliteHost host) : ApiKeysTests(host), IClassFixture<SqliteHost>;
public sealed class ApiKeysTestsOnPostgres(PostgresHost host) : ApiKeysTests(host), IClassFixture<PostgresHost>;
