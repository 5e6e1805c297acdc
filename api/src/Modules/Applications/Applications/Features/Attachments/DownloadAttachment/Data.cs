namespace Jiebang.Applications.Features.Attachments.DownloadAttachment;

internal static class Data
{
    public const string Select = """
        SELECT file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes, storage_name AS StorageName,
            uploaded_at AS UploadedAt
        FROM applications_attachment WHERE id = @Id AND application_id = @ApplicationId
        """;
}

internal sealed class StoredAttachment
{
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public string StorageName { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}
