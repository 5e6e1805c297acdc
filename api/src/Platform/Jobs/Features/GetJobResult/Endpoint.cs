using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Jobs.Features.GetJobResult;

internal sealed class Endpoint(JobStore jobs) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/jobs/{id:guid}/result");
        Roles(Auth.Roles.People);
        Description(b => b.Api("Jobs_GetResult", "Platform", "下载导出任务生成的文件 / Download the file an export job produced",
                "The same workbook the synchronous export returns. 409 job.no_file while the job has not succeeded or when its kind produces no file.")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/octet-stream")
            .Problems(401, 403, 404, 409).Codes(409, "job.no_file"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var job = await jobs.FindAsync(id, ct);
        if (job is null || !job.IsVisibleTo(User.Caller()))
        {
            await Send.ResultAsync(Problems.NotFound("job"));
            return;
        }
        var file = job.Status == JobStatus.Succeeded ? await jobs.FileAsync(id, ct) : null;
        if (file is null)
        {
            await Send.ResultAsync(Problems.Conflict("job.no_file", "该任务没有可下载的文件（尚未完成，或不是导出任务）",
                "The job has no file to download (it has not succeeded, or it is not an export)"));
            return;
        }
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        await Send.ResultAsync(TypedResults.File(file.Content, file.ContentType, file.FileName));
    }
}
