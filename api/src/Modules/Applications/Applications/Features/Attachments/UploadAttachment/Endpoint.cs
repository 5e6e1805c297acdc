using System.Security.Cryptography;
using FastEndpoints;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Files;
using Jiebang.Platform.Http;
using Jiebang.Platform.Idempotency;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jiebang.Applications.Features.Attachments.UploadAttachment;

internal sealed class Endpoint(WritePath writes, IdempotencyStore idempotency, DbConnectionFactory db, AttachmentStorage storage,
    TimeProvider clock, ILogger<Endpoint> logger) : EndpointWithoutRequest<AttachmentView>
{
    public override void Configure()
    {
        Post("/api/v1/applications/{id:guid}/attachments");
        Roles(Platform.Auth.Roles.Applicant, Platform.Auth.Roles.District);
        AllowFileUploads();
        Description(b => b.Api("Applications_UploadAttachment", "Applications",
                "上传申报附件（PDF、DOCX、XLSX、PNG、JPEG）；支持 Idempotency-Key / Upload an attachment (PDF, DOCX, XLSX, PNG, JPEG); honours Idempotency-Key",
                "multipart/form-data with one file in the field `file`. The type is recognised from the content (magic bytes; DOCX and XLSX " +
                "by their ZIP entries) and must agree with the file name's extension: 400 `attachment.type_mismatch` when it does not, " +
                "400 `attachment.type_not_allowed` for any other type. Larger than Attachments:MaxBytes (default 20 MiB): " +
                "413 `attachment.too_large`. The same checks as any change apply: 404 when the application is not visible, 403 unless " +
                "the lead organisation or its district portal, 409 `application.window_closed` after the deadline. A refused upload stores nothing.")
            .Accepts<AttachmentUpload>("multipart/form-data").Ok<AttachmentView>(201).Location().Problems(400, 401, 403, 404, 409, 413, 422)
            .Codes(400, "attachment.type_mismatch", "attachment.type_not_allowed").Codes(413, "attachment.too_large")
            .Codes(409, "application.invalid_state", "application.window_closed").Idempotent(), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var tempPath = storage.NewTempPath();
        try
        {
            await Send.ResultAsync(await UploadAsync(Route<Guid>("id"), User.Caller(), tempPath, ct));
        }
        finally
        {
            // Still there when the upload was refused, failed, or answered from an earlier Idempotency-Key.
            storage.Discard(tempPath);
        }
    }

    private async Task<IResult> UploadAsync(Guid id, Caller caller, string tempPath, CancellationToken ct)
    {
        // The guard first, so a caller who may not change the application is refused before its upload is read; but a
        // retry of an upload that went through gets its first answer again (from the write path), whatever changed since.
        // The key's request is the file itself, known only once it is read: so the guard cannot wait for the write path.
        await using (var connection = await db.OpenAsync(ct))
        {
            var retry = IdempotencyStore.KeyOf(HttpContext.Request, out _) is { } key
                && await idempotency.FindAsync(connection, null, IdempotencyStore.ScopeOf(caller), key) is not null;
            if (!retry && ApplicationLifecycle.ChangeRefusal(await ApplicationStore.LoadAsync(connection, id), caller, clock.GetUtcNow(), null) is { } refusal)
            {
                return refusal;
            }
        }
        var (file, problem) = await UploadedFile.ReadSingleAsync(HttpContext, storage.MaxBytes, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (spooled, notAccepted) = await SpoolAsync(file!, tempPath, ct);
        if (notAccepted is not null)
        {
            return notAccepted;
        }
        var attachmentId = Guid.CreateVersion7();
        var storageName = AttachmentStorage.NewStorageName();
        return await writes.RunAsync(HttpContext,
            WriteOptions.Idempotent("Applications_UploadAttachment", new { id, spooled!.FileName, spooled.SizeBytes, spooled.Sha256 }),
            async w =>
            {
                ApplicationLifecycle.CheckChange(await ApplicationStore.LoadAsync(w.Connection, id, w.Transaction), caller, w.Now, null);
                var view = new AttachmentView
                {
                    Id = attachmentId, FileName = spooled.FileName, ContentType = spooled.ContentType, SizeBytes = spooled.SizeBytes,
                    Sha256 = spooled.Sha256, UploadedAt = w.Now,
                };
                await w.ExecuteAsync(Data.Insert, new
                {
                    view.Id, ApplicationId = id, view.FileName, view.ContentType, view.SizeBytes, view.Sha256, StorageName = storageName,
                    UploadedBy = caller.Name, UploadedAt = w.Now,
                });
                await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, "UploadAttachment", new
                {
                    attachment = attachmentId, fileName = spooled.FileName, contentType = spooled.ContentType, sizeBytes = spooled.SizeBytes,
                    sha256 = spooled.Sha256,
                });
                w.AfterCommit(_ => PromoteAsync(tempPath, storageName, attachmentId, id, caller));
                // No ETag: the attachment is a resource of its own and does not change the application's version.
                return Write.Created(view, $"/api/v1/applications/{id}/attachments/{attachmentId}");
            }, ct);
    }

    /// <summary>Copies the upload to the temporary file while hashing it, then checks what it is against what its name says.</summary>
    private async Task<(Spooled?, IResult?)> SpoolAsync(IFormFile file, string tempPath, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        AttachmentType? detected;
        await using (var target = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920,
            FileOptions.Asynchronous))
        {
            await using (var source = file.OpenReadStream())
            {
                var buffer = new byte[81_920];
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > storage.MaxBytes)
                    {
                        return (null, UploadedFile.TooLarge(storage.MaxBytes));
                    }
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            await target.FlushAsync(ct);
            target.Position = 0;
            detected = AttachmentTypes.Detect(target);
        }
        var fileName = AttachmentTypes.SanitizeFileName(file.FileName);
        var promised = AttachmentTypes.ForFileName(fileName);
        if (promised is null)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "attachment.type_not_allowed", "Attachment type not allowed",
                "只接受 PDF、DOCX、XLSX、PNG、JPEG 格式的附件（文件名须带相应扩展名） / " +
                "Only PDF, DOCX, XLSX, PNG and JPEG files are accepted, named with their extension"));
        }
        if (detected != promised)
        {
            var actual = detected?.Name ?? "未知 / unknown";
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "attachment.type_mismatch", "Attachment type mismatch",
                $"文件内容（{actual}）与扩展名（{promised.Name}）不符 / " +
                $"The content ({actual}) does not match the file name's extension ({promised.Name})"));
        }
        return (new Spooled(fileName, detected.ContentType, size, Convert.ToHexStringLower(hash.GetHashAndReset())), null);
    }

    /// <summary>
    /// Moves the committed upload into place. Should that fail, the row is taken back (with an audit record saying so)
    /// so no attachment is ever listed without its bytes, and the request fails.
    /// </summary>
    private async Task PromoteAsync(string tempPath, string storageName, Guid attachmentId, Guid applicationId, Caller caller)
    {
        try
        {
            storage.Promote(tempPath, storageName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Attachment {AttachmentId}: could not move the upload into place; the row is removed again", attachmentId);
            await writes.ExecuteAsync(caller, async w =>
            {
                await w.ExecuteAsync(Data.Delete, new { Id = attachmentId });
                await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, applicationId, "DiscardAttachment",
                    new { attachment = attachmentId, reason = "storage failure" });
                return true;
            }, CancellationToken.None);
            throw;
        }
    }
}
