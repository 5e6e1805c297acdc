using System.Text.Json.Nodes;
using Dapper;
using FastEndpoints;
using Jiebang.Applications.Data;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Applications.Features.Applications.ListVersions;

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : EndpointWithoutRequest<IReadOnlyList<SubmittedVersion>>
{
    public override void Configure()
    {
        Get("/api/v1/applications/{id:guid}/versions");
        Roles([.. Platform.Auth.Roles.People, Platform.Auth.Roles.District]);
        Description(b => b.Api("Applications_ListVersions", "Applications", "已提交的各版本（含内容） / Submitted versions with their content")
            .Ok<IReadOnlyList<SubmittedVersion>>().Problems(401, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var id = Route<Guid>("id");
        var row = await ApplicationStore.LoadAsync(connection, id);
        if (row is null || !row.IsVisibleTo(User.Caller(), clock.GetUtcNow()))
        {
            await Send.ResultAsync(Problems.NotFound("application"));
        }
        else
        {
            var versions = (await connection.QueryAsync<Data.VersionRow>(Data.Select, new { Id = id })).Select(v => new SubmittedVersion
            {
                VersionNo = v.VersionNo, SubmittedAt = v.SubmittedAt, SubmittedBy = v.SubmittedBy, Content = JsonNode.Parse(v.Content),
            }).ToList();
            await Send.OkAsync(versions, ct);
        }
    }
}
