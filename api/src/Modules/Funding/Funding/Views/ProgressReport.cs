using Jiebang.Funding.Domain;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Views;

/// <summary>A progress report (进展报告): investment claimed at a milestone and, once decided, what the task force verified.</summary>
internal sealed record ProgressReport(
    Guid Id,
    Guid AgreementId,
    int MilestoneIndex,
    long ClaimedIssuerFen,
    long ClaimedApplicantFen,
    string? Note,
    [property: StringEnum(typeof(ProgressReportStatus))] string Status,
    long? VerifiedIssuerFen,
    long? VerifiedApplicantFen,
    string? DecisionNote,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    IReadOnlyList<ProgressAttachment> Attachments,
    int Version);

/// <summary>A file supporting a progress report (invoices, audit reports, test reports); its bytes are downloaded separately.</summary>
internal sealed class ProgressAttachment
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}
