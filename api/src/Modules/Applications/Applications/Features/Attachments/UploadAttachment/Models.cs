using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Features.Attachments.UploadAttachment;

/// <summary>The multipart/form-data body: one file in the field <c>file</c>.</summary>
internal sealed class AttachmentUpload
{
    /// <summary>PDF, DOCX, XLSX, PNG or JPEG; the type is recognised from the content and must agree with the file name's extension.</summary>
    public required IFormFile File { get; set; }
}

/// <summary>An upload that passed every check, spooled to a temporary file.</summary>
internal sealed record Spooled(string FileName, string ContentType, long SizeBytes, string Sha256);
