using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;

namespace Jiebang.Review.Features.AssignExperts;

internal sealed class Endpoint(AutoAssignment assignment) : EndpointWithoutRequest<AssignmentOutcome>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/assign");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Assign", "Review",
                "自动分配专家（领域匹配、负载均衡、回避利益冲突；人数不足的对象单独列出） / Assign experts automatically; items without enough unconflicted experts are listed, not under-served")
            .IfMatch(required: false).Ok<AssignmentOutcome>().ETag().Problems(401, 403, 404, 409, 412).Codes(409, "review.no_items", "review.round_invalid_state", "review.concurrent_change"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (outcome, problem) = await assignment.RunAsync(User.Caller(), Route<Guid>("id"), Versioning.Parse(HttpContext.Request.Headers.IfMatch), null, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }
        HttpContext.Response.Headers.ETag = Versioning.ETag(outcome!.Version);
        await Send.OkAsync(outcome, ct);
    }
}
