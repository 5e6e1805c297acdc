using Dapper;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Domain;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.GetAssignmentBoard;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/v1/review/rounds/{id:guid}/board");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Rounds_AssignmentBoard", "Review",
                "分配看板：本轮全部评审任务、每位专家的负载、人数不足的对象及原因 / Assignment board: every assignment of the round, the load per expert, and the short items with reasons")
            .Ok<Response>().ETag().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var round = await RoundStore.LoadAsync(connection, Route<Guid>("id"));
        if (round is null || !User.Caller().ReadsEverything)
        {
            await Send.ResultAsync(Problems.NotFound("round"));
        }
        else
        {
            var rows = (await connection.QueryAsync<Data.Row>(Data.SelectAssignments, new { round.Id })).AsList();
            var (items, experts) = await AssignmentStore.PlannerInputAsync(connection, null, round);
            var stored = await RoundStore.ItemsAsync(connection, round.Id);
            var shortItems = items.Where(i => i.Needed > 0).Select(i => ShortItemView.Of(AssignmentPlanner.Explain(i, experts, round.MaxLoad))).ToList();
            HttpContext.Response.Headers.ETag = Versioning.ETag(round.Version);
            await Send.OkAsync(new Response
            {
                RoundId = round.Id, Status = round.Status, ExpertsPerItem = round.ExpertsPerItem, MaxLoadPerExpert = round.MaxLoad,
                Items = stored.Select(i => new BoardItem
                {
                    ItemId = i.Id, SubjectCode = i.SubjectCode, Title = i.Title, Active = i.ActiveAssignments,
                    Needed = Math.Max(0, round.ExpertsPerItem - i.ActiveAssignments),
                }).ToList(),
                Assignments = rows.Select(r => new BoardAssignment
                {
                    AssignmentId = r.AssignmentId, ItemId = r.ItemId, SubjectCode = r.SubjectCode, ExpertId = r.ExpertId, ExpertName = r.ExpertName,
                    Status = r.Status, ScoreStatus = r.ScoreStatus, EndReason = r.EndReason, AssignedAt = r.AssignedAt,
                }).ToList(),
                Loads = rows.Where(r => r.Status == AssignmentStatus.Active).GroupBy(r => (r.ExpertId, r.ExpertName))
                    .Select(g => new ExpertLoad { ExpertId = g.Key.ExpertId, Name = g.Key.ExpertName, Load = g.Count(), MaxLoad = round.MaxLoad })
                    .OrderByDescending(l => l.Load).ThenBy(l => l.ExpertId).ToList(),
                Short = shortItems,
            }, ct);
        }
    }
}
