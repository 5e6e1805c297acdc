using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.AssignByHand;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/assignments");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_AssignByHand", "Review",
                "人工指派专家（须写明理由；利益冲突规则不可豁免） / Assign an expert by hand with a written reason; the conflict rule still applies")
            .Body<Request>().Ok<Response>(201).Problems(400, 401, 403, 404, 409).Codes(409, "review.expert_inactive", "review.expert_conflicted", "review.already_assigned", "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var found = await RoundStore.ItemAsync(connection, roundId, req.ItemId, tx);
            var expert = found is null ? null : await ExpertStore.LoadAsync(connection, req.ExpertId, tx);
            if (found is not var (round, item) || expert is null)
            {
                await Send.ResultAsync(Problems.NotFound(found is null ? "item" : "expert"));
                return;
            }
            if (round.Status is not (ReviewRoundStatus.Draft or ReviewRoundStatus.Assigning or ReviewRoundStatus.Scoring))
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "指派专家"));
                return;
            }
            var (refusal, departures) = await HandAssignment.CheckAsync(connection, tx, round, item, expert, item.ActiveAssignments);
            if (refusal is not null)
            {
                await Send.ResultAsync(refusal);
                return;
            }
            var id = (await AssignmentStore.StoreAsync(connection, tx, roundId, [new Assigned(item.Id, expert.Id)], clock.GetUtcNow()))[0];
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, roundId, "AssignByHand",
                new { assignmentId = id, req.ItemId, req.ExpertId, reason = req.Reason.Trim(), departures });
            await tx.CommitAsync(ct);
            await Send.ResponseAsync(new Response { AssignmentId = id, ItemId = item.Id, ExpertId = expert.Id, Departures = departures }, 201, ct);
        }
    }
}
