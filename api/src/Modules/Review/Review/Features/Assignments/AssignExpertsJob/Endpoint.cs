using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Jobs;
using Jiebang.Review.Data;

namespace Jiebang.Review.Features.Assignments.AssignExpertsJob;

internal sealed class Endpoint(DbConnectionFactory db, JobStore jobs) : EndpointWithoutRequest<JobView>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/assign-jobs");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_StartAssignJob", "Review",
                "在后台自动分配专家，返回可查询进度的任务 / Start automatic expert assignment as a background job and follow its progress",
                "202 with the job and its Location (GET /api/v1/jobs/{id}). The job does what POST .../assign does and its result is that endpoint's " +
                "response; a refusal (review.no_items, review.round_invalid_state, review.concurrent_change) ends the job Failed with that code and " +
                "changes nothing. While an assignment of the round is queued or running, that job is returned.")
            .Ok<JobView>(202).Location().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        if (!await RoundStore.ExistsAsync(db, id, ct))
        {
            await Send.ResultAsync(Problems.NotFound("round"));
        }
        else
        {
            var (job, _) = await jobs.StartAsync(User.Caller(), Job.Name, $"round:{id}", new Job.Parameters { Round = id }, ct);
            HttpContext.Response.Headers.Location = JobView.LocationOf(job.Id);
            await Send.ResponseAsync(JobView.Of(job), 202, ct);
        }
    }
}
