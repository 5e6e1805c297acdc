namespace Jiebang.Applications.Features.Attachments.UploadAttachment;

internal static class Data
{
    public const string Insert = """
        INSERT INTO applications_attachment (id, application_id, file_name, content_type, size_bytes, sha256, storage_name, uploaded_by,
            uploaded_at)
        VALUES (@Id, @ApplicationId, @FileName, @ContentType, @SizeBytes, @Sha256, @StorageName, @UploadedBy, @UploadedAt)
        """;

    /// <summary>Undoes an attachment whose file could not be moved into place after its row was committed.</summary>
    public const string Delete = "DELETE FROM applications_attachment WHERE id = @Id";
}
