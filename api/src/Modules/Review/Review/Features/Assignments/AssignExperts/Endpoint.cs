using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.AssignExperts;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<AssignmentOutcome>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/assign");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Assign", "Review",
                "自动分配专家（领域匹配、负载均衡、回避利益冲突；人数不足的对象单独列出） / "
                + "Assign experts automatically; items without enough unconflicted experts are listed, not under-served")
            .IfMatch(required: false).Ok<AssignmentOutcome>().ETag().Problems(401, 403, 404, 409, 412)
            .Codes(409, "review.no_items", "review.round_invalid_state", "review.concurrent_change"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional), async w =>
        {
            var (outcome, _) = await AutoAssignment.RunAsync(w, id);
            return Write.Ok(outcome, outcome.Version);
        }, ct));
    }
}
