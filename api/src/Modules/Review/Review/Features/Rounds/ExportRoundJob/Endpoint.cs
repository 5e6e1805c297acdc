using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Jobs;
using Jiebang.Review.Data;

namespace Jiebang.Review.Features.Rounds.ExportRoundJob;

internal sealed class Endpoint(DbConnectionFactory db, JobStore jobs) : EndpointWithoutRequest<JobView>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/export-jobs");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_StartExportJob", "Review",
                "在后台导出论证结果与专家评分，返回可查询进度的任务 / Start the round export as a background job and follow its progress",
                "202 with the job and its Location (GET /api/v1/jobs/{id}); the workbook, identical to GET .../export, is downloaded from " +
                "/api/v1/jobs/{id}/result. A round still being scored ends the job Failed with review.round_not_closed. " +
                "While the caller's export of the round is queued or running, that job is returned.")
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
            var caller = User.Caller();
            var (job, _) = await jobs.StartAsync(caller, Job.Name, $"user:{caller.UserId}|round:{id}", new Job.Parameters { Round = id }, ct);
            HttpContext.Response.Headers.Location = JobView.LocationOf(job.Id);
            await Send.ResponseAsync(JobView.Of(job), 202, ct);
        }
    }
}
