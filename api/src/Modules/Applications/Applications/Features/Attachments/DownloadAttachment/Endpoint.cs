using Dapper;
using FastEndpoints;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Platform.Files;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jiebang.Applications.Features.Attachments.DownloadAttachment;

internal sealed class Endpoint(DbConnectionFactory db, AttachmentStorage storage, TimeProvider clock, ILogger<Endpoint> logger)
    : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/applications/{id:guid}/attachments/{attachmentId:guid}");
        Roles([.. Platform.Auth.Roles.People, Platform.Auth.Roles.District]);
        Description(b => b.Api("Applications_DownloadAttachment", "Applications", "下载申报附件 / Download an attachment",
                "Whoever may see the application may download its attachments; everyone else gets 404 (issuers only after the deadline). " +
                "The file comes with its detected content type and a Content-Disposition file name (RFC 5987 `filename*` for non-ASCII names).")
            .Produces<Stream>(StatusCodes.Status200OK, AttachmentTypes.All.Select(t => t.ContentType).First(),
                [.. AttachmentTypes.All.Skip(1).Select(t => t.ContentType)])
            .Problems(401, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await DownloadAsync(Route<Guid>("id"), ct));

    private async Task<IResult> DownloadAsync(Guid id, CancellationToken ct)
    {
        StoredAttachment? attachment;
        await using (var connection = await db.OpenAsync(ct))
        {
            var row = await ApplicationStore.LoadAsync(connection, id);
            if (row is null || !row.IsVisibleTo(User.Caller(), clock.GetUtcNow()))
            {
                return Problems.NotFound("application");
            }
            attachment = await connection.QuerySingleOrDefaultAsync<StoredAttachment>(Data.Select,
                new { Id = Route<Guid>("attachmentId"), ApplicationId = id });
        }
        if (attachment is null)
        {
            return Problems.NotFound("attachment");
        }
        var path = storage.PathOf(attachment.StorageName);
        if (!File.Exists(path))
        {
            logger.LogError("Attachment file {StorageName} of application {ApplicationId} is missing from {Root}", attachment.StorageName, id,
                storage.Root);
            return Problems.Of(StatusCodes.Status500InternalServerError, "attachment.file_missing", "Attachment file missing",
                "附件文件缺失，已记录 / The attachment's file is missing; this was logged");
        }
        // Sealed material: not for shared caches, and never content-sniffed into something executable.
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return TypedResults.File(stream, attachment.ContentType, attachment.FileName, attachment.UploadedAt);
    }
}
