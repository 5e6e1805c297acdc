namespace Jiebang.Funding.Features.Progress.UploadProgressAttachment;

internal static class Data
{
    public const string Insert = """
        INSERT INTO funding_progress_attachment (id, report_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
        VALUES (@Id, @ReportId, @FileName, @ContentType, @SizeBytes, @Sha256, @Content, @UploadedBy, @UploadedAt)
        """;

    public const string Count = "SELECT COUNT(*) FROM funding_progress_attachment WHERE report_id = @Id";
}
