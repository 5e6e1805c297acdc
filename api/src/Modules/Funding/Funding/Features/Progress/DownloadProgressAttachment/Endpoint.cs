using Dapper;
using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Files;
using Jiebang.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Funding.Features.Progress.DownloadProgressAttachment;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/progress-reports/{id:guid}/attachments/{attachmentId:guid}");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor, Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant);
        Description(b => b.Api("ProgressReports_DownloadAttachment", "Funding", "下载进展报告附件 / Download a progress report's attachment",
                "The task force, auditors and users of the agreement's parties (issuer, lead, members); everyone else gets 404.")
            .Produces<Stream>(StatusCodes.Status200OK, AttachmentTypes.All.Select(t => t.ContentType).First(),
                [.. AttachmentTypes.All.Skip(1).Select(t => t.ContentType)])
            .Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var caller = User.Caller();
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<AttachmentContent>(Data.Select,
            new { ReportId = Route<Guid>("id"), AttachmentId = Route<Guid>("attachmentId") });
        var visible = row is not null && (caller.ReadsEverything
            || (caller.OrganisationId is { } org && await AgreementStore.IsPartyAsync(connection, row.AgreementId, org)));
        await Send.ResultAsync(visible
            ? TypedResults.File(row!.Content, row.ContentType, row.FileName, lastModified: row.UploadedAt)
            : Problems.NotFound("attachment"));
    }
}
