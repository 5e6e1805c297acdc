using Dapper;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Domain;
using Jiebang.Review.Features.AssignExperts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.GetAssignmentBoard;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<Response>
{
    private const string SelectAssignments = """
        SELECT a.id AS AssignmentId, a.item_id AS ItemId, i.subject_code AS SubjectCode, a.expert_id AS ExpertId, e.name AS ExpertName,
               a.status AS Status, a.score_status AS ScoreStatus, a.end_reason AS EndReason, a.assigned_at AS AssignedAt
        FROM review_assignment a JOIN review_item i ON i.id = a.item_id JOIN review_expert e ON e.id = a.expert_id
        WHERE a.round_id = @Id ORDER BY i.added_at, i.id, a.assigned_at, a.id
        """;

    private sealed class Row
    {
        public Guid AssignmentId { get; set; }
        public Guid ItemId { get; set; }
        public string SubjectCode { get; set; } = "";
        public Guid ExpertId { get; set; }
        public string ExpertName { get; set; } = "";
        public string Status { get; set; } = "";
        public string ScoreStatus { get; set; } = "";
        public string? EndReason { get; set; }
        public DateTimeOffset AssignedAt { get; set; }
    }

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
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var round = await RoundStore.LoadAsync(connection, Route<Guid>("id"), tx);
            if (round is null || !User.Caller().ReadsEverything)
            {
                await Send.ResultAsync(Problems.NotFound("round"));
                return;
            }
            var rows = (await connection.QueryAsync<Row>(SelectAssignments, new { round.Id }, tx)).AsList();
            var (items, experts) = await AssignmentStore.PlannerInputAsync(connection, tx, round);
            var stored = await RoundStore.ItemsAsync(connection, round.Id, tx);
            await tx.CommitAsync(ct);
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
