using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.ListMyAssignments;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<List<ReviewAssignment>>
{
    public override void Configure()
    {
        Get("/api/v1/review/me/assignments");
        Roles(Platform.Auth.Roles.Expert);
        Description(b => b.Api("Assignments_ListMine", "Review", "我的评审任务 / The signed-in expert's own assignments")
            .Ok<List<ReviewAssignment>>().Problems(401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var views = new List<ReviewAssignment>();
        if (User.Caller().ExpertId is { } expertId)
        {
            await using var connection = await db.OpenAsync(ct);
            foreach (var row in await AssignmentStore.ForExpertAsync(connection, expertId))
            {
                views.Add(await AssignmentStore.ViewAsync(connection, row));
            }
        }
        await Send.OkAsync(views, ct);
    }
}
