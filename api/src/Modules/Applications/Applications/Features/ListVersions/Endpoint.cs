using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using FastEndpoints;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Applications.Features.ListVersions;

/// <summary>One submitted version of an application, kept as it was submitted.</summary>
internal sealed class SubmittedVersion
{
    public int VersionNo { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public string SubmittedBy { get; init; } = "";
    /// <summary>The submitted content (with the consortium as it was); omitted in the list.</summary>
    public JsonNode? Content { get; set; }
}

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : EndpointWithoutRequest<IReadOnlyList<SubmittedVersion>>
{
    public const string Select = """
        SELECT version_no AS VersionNo, submitted_at AS SubmittedAt, submitted_by AS SubmittedBy, content AS Content
        FROM applications_submission WHERE application_id = @Id ORDER BY version_no
        """;

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
            return;
        }
        var versions = (await connection.QueryAsync<VersionRow>(Select, new { Id = id })).Select(v => new SubmittedVersion
        {
            VersionNo = v.VersionNo, SubmittedAt = v.SubmittedAt, SubmittedBy = v.SubmittedBy, Content = JsonNode.Parse(v.Content),
        }).ToList();
        await Send.OkAsync(versions, ct);
    }

    private sealed class VersionRow
    {
        public int VersionNo { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public string SubmittedBy { get; init; } = "";
        public string Content { get; init; } = "{}";
    }
}
