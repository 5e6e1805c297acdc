namespace Jiebang.Funding.Features.Progress.DownloadProgressAttachment;

internal static class Data
{
    public const string Select = """
        SELECT t.file_name AS FileName, t.content_type AS ContentType, t.content AS Content, t.uploaded_at AS UploadedAt, r.agreement_id AS AgreementId
        FROM funding_progress_attachment t JOIN funding_progress_report r ON r.id = t.report_id
        WHERE t.id = @AttachmentId AND t.report_id = @ReportId
        """;
}

internal sealed class AttachmentContent
{
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public Guid AgreementId { get; set; }
}
