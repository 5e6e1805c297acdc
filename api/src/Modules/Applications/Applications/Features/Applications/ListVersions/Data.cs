namespace Jiebang.Applications.Features.Applications.ListVersions;

internal static class Data
{
    public const string Select = """
        SELECT version_no AS VersionNo, submitted_at AS SubmittedAt, submitted_by AS SubmittedBy, content AS Content
        FROM applications_submission WHERE application_id = @Id ORDER BY version_no
        """;

    internal sealed class VersionRow
    {
        public int VersionNo { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public string SubmittedBy { get; init; } = "";
        public string Content { get; init; } = "{}";
    }
}
