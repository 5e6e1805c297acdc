using FastEndpoints;
using Jiebang.Applications.Services;
using Jiebang.Applications.Views.ExportApplications;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;
using Jiebang.Platform.Jobs;

namespace Jiebang.Applications.Features.Export.ExportApplicationsJob;

/// <summary>Starts the applications export as a background job (same filters and rights as GET /api/v1/applications/export).</summary>
internal sealed class Endpoint(JobStore jobs) : Endpoint<Request, JobView>
{
    public override void Configure()
    {
        Post("/api/v1/applications/export-jobs");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Applications_StartExportJob", "Applications",
                "在后台导出申报汇总表，返回可查询进度的任务 / Start the applications export as a background job and follow its progress",
                "202 with the job and its Location (GET /api/v1/jobs/{id}); the workbook, identical to GET /api/v1/applications/export, " +
                "is downloaded from /api/v1/jobs/{id}/result. While the caller's export of the same batch/challenge is queued or running, " +
                "that job is returned.")
            .Body<Request>().Ok<JobView>(202).Location().Problems(400, 401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        var parameters = new Job.Parameters { Batch = req.Batch, Challenge = req.Challenge };
        var (job, _) = await jobs.StartAsync(caller, Job.Name, Job.TargetOf(caller, req), parameters, ct);
        HttpContext.Response.Headers.Location = JobView.LocationOf(job.Id);
        await Send.ResponseAsync(JobView.Of(job), 202, ct);
    }
}
