using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.GetAssignment;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<ReviewAssignment>
{
    public override void Configure()
    {
        Get("/api/v1/review/assignments/{id:guid}");
        Roles(Platform.Auth.Roles.Expert, Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Assignments_Get", "Review", "评审任务及评分（专家仅本人） / An assignment with its scores (an expert only its own)")
            .Ok<ReviewAssignment>().ETag().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await AssignmentStore.LoadAsync(connection, Route<Guid>("id"));
        if (row is null || !row.IsVisibleTo(User.Caller()))
        {
            await Send.ResultAsync(Problems.NotFound("assignment"));
        }
        else
        {
            HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
            await Send.OkAsync(await AssignmentStore.ViewAsync(connection, row), ct);
        }
    }
}
