using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Features.Assignments.AssignByHand;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/assignments");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_AssignByHand", "Review",
                "人工指派专家（须写明理由；利益冲突规则不可豁免） / Assign an expert by hand with a written reason; the conflict rule still applies")
            .Body<Request>().Ok<Response>(201).Problems(400, 401, 403, 404, 409)
            .Codes(409, "review.expert_inactive", "review.expert_conflicted", "review.already_assigned", "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var (round, item) = Write.Found(await RoundStore.ItemAsync(w.Connection, roundId, req.ItemId, w.Transaction), "item");
            var expert = Write.Found(await ExpertStore.LoadAsync(w.Connection, req.ExpertId, w.Transaction), "expert");
            RoundLifecycle.Require(round.Status, RoundLifecycle.TakesHandAssignments, "指派专家");
            var departures = await AssignmentStore.CheckByHandAsync(w, round, item, expert, item.ActiveAssignments);
            var subjects = new Dictionary<Guid, Guid> { [item.Id] = item.SubjectId };
            var id = (await AssignmentStore.AssignAsync(w, roundId, [new Assigned(item.Id, expert.Id)], subjects))[0];
            await w.AuditAsync(RoundStore.Module, RoundStore.Entity, roundId, "AssignByHand",
                new { assignmentId = id, req.ItemId, req.ExpertId, reason = req.Reason.Trim(), departures });
            return new WriteAnswer(StatusCodes.Status201Created,
                new Response { AssignmentId = id, ItemId = item.Id, ExpertId = expert.Id, Departures = departures });
        }, ct));
    }
}
