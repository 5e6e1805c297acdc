using Dapper;
using FastEndpoints;
using Jiebang.Platform.ApiKeys.Data;
using Jiebang.Platform.ApiKeys.Views;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;

namespace Jiebang.Platform.ApiKeys.Features.ListApiKeys;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<List<ApiKey>>
{
    public override void Configure()
    {
        Get("/api/v1/api-keys");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Auditor);
        Description(b => b.Api("ApiKeys_List", "Platform", "接口密钥列表 / List the district API keys",
                "The task force and auditors: every key, newest first, with its prefix, district, creation, last use and revocation; " +
                "never the key or its hash.")
            .Ok<List<ApiKey>>().Problems(401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ApiKeyRow>(Data.SelectAll);
        await Send.OkAsync(rows.Select(ApiKey.From).ToList(), ct);
    }
}
