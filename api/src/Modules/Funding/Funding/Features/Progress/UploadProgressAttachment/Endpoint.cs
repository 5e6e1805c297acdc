using System.Data.Common;
using System.Security.Cryptography;
using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Files;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;

namespace Jiebang.Funding.Features.Progress.UploadProgressAttachment;

/// <summary>The multipart/form-data body: one file in the field <c>file</c>.</summary>
internal sealed class ProgressAttachmentUpload
{
    /// <summary>PDF, DOCX, XLSX, PNG or JPEG; the type is recognised from the content and must agree with the file name's extension.</summary>
    public required IFormFile File { get; set; }
}

internal sealed class Endpoint(WritePath writes, DbConnectionFactory db, IConfiguration configuration)
    : EndpointWithoutRequest<ProgressAttachment>
{
    public const long DefaultMaxBytes = 10L * 1024 * 1024;
    public const int MaxPerReport = 20;

    private long MaxBytes => configuration.GetValue("Funding:AttachmentMaxBytes", DefaultMaxBytes);

    public override void Configure()
    {
        Post("/api/v1/progress-reports/{id:guid}/attachments");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant);
        AllowFileUploads();
        Description(b => b.Api("ProgressReports_UploadAttachment", "Funding",
                "上传进展报告附件（票据、审计报告等；PDF、DOCX、XLSX、PNG、JPEG） / Attach a supporting file to a progress report",
                "multipart/form-data with one file in the field `file`. Whoever may report progress on the agreement (the issuer, the lead applicant, the " +
                "task force) while the report awaits its decision (409 funding.report_already_decided); " +
                "others get 404. The type is recognised from the content and must agree with the extension (400 attachment.type_mismatch / " +
                "attachment.type_not_allowed); " +
                "at most Funding:AttachmentMaxBytes (default 10 MiB, 413 attachment.too_large) and 20 files per report (409 funding.too_many_attachments).")
            .Accepts<ProgressAttachmentUpload>("multipart/form-data").Ok<ProgressAttachment>(201).Location().Problems(400, 401, 403, 404, 409, 413)
            .Codes(400, "attachment.type_mismatch", "attachment.type_not_allowed").Codes(413, "attachment.too_large")
            .Codes(409, "funding.too_many_attachments", "funding.report_already_decided"), clearDefaults: true);
    }

    private sealed record Upload(byte[] Content, string FileName, AttachmentType Type);

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, ReadAsync(id), async (w, upload) =>
        {
            if (await RefusalAsync(w.Connection, w.Transaction, id, w.Caller) is { } late)
            {
                throw Write.Refuse(late);
            }
            Write.Require(await w.ExecuteScalarAsync<long>(Data.Count, new { Id = id }) < MaxPerReport, Problems.Conflict("funding.too_many_attachments",
                $"每份进展报告至多 {MaxPerReport} 个附件", $"A progress report has at most {MaxPerReport} attachments"));
            var content = upload.Content;
            var attachment = new ProgressAttachment
            {
                Id = Guid.CreateVersion7(), ReportId = id, FileName = upload.FileName, ContentType = upload.Type.ContentType,
                SizeBytes = content.LongLength, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), UploadedBy = w.Caller.Name,
                UploadedAt = w.Now,
            };
            await w.ExecuteAsync(Data.Insert, new
            {
                attachment.Id, attachment.ReportId, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.Sha256,
                Content = content, attachment.UploadedBy, attachment.UploadedAt,
            });
            await w.AuditAsync(AgreementStore.Module, "ProgressReport", id, "UploadAttachment", new
            {
                attachment = attachment.Id, fileName = upload.FileName, contentType = attachment.ContentType, sizeBytes = attachment.SizeBytes,
                sha256 = attachment.Sha256,
            });
            return Write.Created(attachment, $"/api/v1/progress-reports/{id}/attachments/{attachment.Id}");
        }, ct));
    }

    /// <summary>Checks the caller and the report before the body is read, then reads the file and recognises its type.</summary>
    private Func<CancellationToken, Task<Upload>> ReadAsync(Guid id) => async ct =>
    {
        await using (var read = await db.OpenAsync(ct))
        {
            if (await RefusalAsync(read, null, id, User.Caller()) is { } refusal)
            {
                throw Write.Refuse(refusal);
            }
        }
        var (file, problem) = await UploadedFile.ReadSingleAsync(HttpContext, MaxBytes, ct);
        if (problem is not null)
        {
            throw Write.Refuse(problem);
        }
        var content = new byte[file!.Length];
        await using (var source = file.OpenReadStream())
        {
            await source.ReadExactlyAsync(content, ct);
        }
        var fileName = AttachmentTypes.SanitizeFileName(file.FileName);
        var promised = AttachmentTypes.ForFileName(fileName) ?? throw Write.Refuse(Problems.Of(StatusCodes.Status400BadRequest,
            "attachment.type_not_allowed", "Attachment type not allowed",
            "只接受 PDF、DOCX、XLSX、PNG、JPEG 格式的附件（文件名须带相应扩展名） / Only PDF, DOCX, XLSX, PNG and JPEG files are accepted, named with their extension"));
        var detected = AttachmentTypes.Detect(new MemoryStream(content, writable: false));
        if (detected != promised)
        {
            var actual = detected?.Name ?? "未知 / unknown";
            throw Write.Refuse(Problems.Of(StatusCodes.Status400BadRequest, "attachment.type_mismatch", "Attachment type mismatch",
                $"文件内容（{actual}）与扩展名（{promised.Name}）不符 / The content ({actual}) does not match the file name's extension ({promised.Name})"));
        }
        return new Upload(content, fileName, detected);
    };

    /// <summary>404 unless the caller may report progress on the report's agreement; 409 once the report is decided.</summary>
    private static async Task<IResult?> RefusalAsync(DbConnection connection, DbTransaction? tx, Guid id, Caller caller)
    {
        var report = await ProgressStore.GetAsync(connection, id, tx);
        var agreement = report is null ? null : await AgreementStore.GetAsync(connection, report.AgreementId, tx);
        if (report is null || agreement is null || !(caller.IsTaskForce || (caller.IsIssuer && caller.BelongsTo(agreement.IssuerOrganisationId))
                                                    || (caller.IsApplicant && caller.BelongsTo(agreement.LeadOrganisationId))))
        {
            return Problems.NotFound("progress report");
        }
        return report.Status != ProgressReportStatus.Submitted ? ProgressReview.AlreadyDecided() : null;
    }
}
