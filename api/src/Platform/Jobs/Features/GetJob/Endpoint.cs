using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Platform.Jobs.Features.GetJob;

internal sealed class Endpoint(JobStore jobs) : EndpointWithoutRequest<JobView>
{
    public override void Configure()
    {
        Get("/api/v1/jobs/{id:guid}");
        Roles(Auth.Roles.People);
        Description(b => b.Api("Jobs_Get", "Platform", "后台任务的状态与进度 / A background job's status, progress and result summary",
                "Visible to the person who started the job, and to the task force and auditors; anyone else gets 404.")
            .Ok<JobView>().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var job = await jobs.FindAsync(Route<Guid>("id"), ct);
        if (job is null || !job.IsVisibleTo(User.Caller()))
        {
            await Send.ResultAsync(Problems.NotFound("job"));
            return;
        }
        await Send.OkAsync(JobView.Of(job), ct);
    }
}
