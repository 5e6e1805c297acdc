using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;
using Jiebang.Platform.Jobs;

namespace Jiebang.Applications.Features.Eligibility.RunEligibilityCheckJob;

internal sealed class Endpoint(JobStore jobs) : EndpointWithoutRequest<JobView>
{
    public override void Configure()
    {
        Post("/api/v1/batches/{batchId:guid}/eligibility-check-jobs");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Applications_StartEligibilityCheckJob", "Applications",
                "在后台对批次进行资格审查，返回可查询进度的任务 / Start a batch's formal check as a background job and follow its progress",
                "202 with the job and its Location (GET /api/v1/jobs/{id}). The job does what POST .../eligibility-check does and its result is that " +
                "endpoint's response; a refusal (eligibility.window_not_closed) ends the job Failed with that code and changes nothing. " +
                "While a formal check of the batch is queued or running, that job is returned.")
            .Ok<JobView>(202).Location().Problems(401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var batch = Route<Guid>("batchId");
        var (job, _) = await jobs.StartAsync(User.Caller(), Job.Name, $"batch:{batch}", new Job.Parameters { Batch = batch }, ct);
        HttpContext.Response.Headers.Location = JobView.LocationOf(job.Id);
        await Send.ResponseAsync(JobView.Of(job), 202, ct);
    }
}
