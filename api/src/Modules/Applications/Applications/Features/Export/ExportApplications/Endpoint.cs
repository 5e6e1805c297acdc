using FastEndpoints;
using Jiebang.Applications.Services;
using Jiebang.Applications.Views.ExportApplications;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Features.Export.ExportApplications;

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("/api/v1/applications/export");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Applications_Export", "Applications", "导出申报汇总表（Excel） / Export applications as an Excel workbook",
                "One row per application of the batch and/or challenge (at least one filter is required), with Chinese column headers. " +
                "自筹研发投入 is in 万元, rounded half away from zero to 2 places; times are Beijing time (Asia/Shanghai).")
            .Produces<Stream>(StatusCodes.Status200OK, Workbook.ContentType).Problems(400, 401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (file, _) = await Workbook.BuildAsync(db, User.Caller(), req.Batch, req.Challenge, clock.GetUtcNow(), null, ct);
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        await Send.ResultAsync(TypedResults.File(file.Content, file.ContentType, file.FileName));
    }
}
