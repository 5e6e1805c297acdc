using System.Data.Common;
using Dapper;

using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.Shared;

/// <summary>进展报告状态 / The state of a progress report.</summary>
internal enum ProgressReportStatus
{
    /// <summary>已提交，待工作专班核实 / Submitted; awaits the task force's verification.</summary>
    Submitted,
    /// <summary>已核实投入 / Investment verified.</summary>
    Verified,
    /// <summary>已退回 / Returned to the reporter.</summary>
    Returned,
}

internal sealed class ProgressReportRow
{
    public Guid Id { get; set; }
    public Guid AgreementId { get; set; }
    public int MilestoneIndex { get; set; }
    public long ClaimedIssuerFen { get; set; }
    public long ClaimedApplicantFen { get; set; }
    public string? Note { get; set; }
    public ProgressReportStatus Status { get; set; }
    public long? VerifiedIssuerFen { get; set; }
    public long? VerifiedApplicantFen { get; set; }
    public string? DecisionNote { get; set; }
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int Version { get; set; }

    public ProgressReport ToModel(IEnumerable<ProgressAttachment> attachments) => new(Id, AgreementId, MilestoneIndex, ClaimedIssuerFen,
        ClaimedApplicantFen, Note, Status.ToString(), VerifiedIssuerFen, VerifiedApplicantFen, DecisionNote, SubmittedBy, SubmittedAt, DecidedBy,
        DecidedAt, attachments.ToList(), Version);
}

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

internal static class ProgressStore
{
    private const string Columns = """
        id AS Id, agreement_id AS AgreementId, milestone_index AS MilestoneIndex, claimed_issuer_fen AS ClaimedIssuerFen,
        claimed_applicant_fen AS ClaimedApplicantFen, note AS Note, status AS Status, verified_issuer_fen AS VerifiedIssuerFen,
        verified_applicant_fen AS VerifiedApplicantFen, decision_note AS DecisionNote, submitted_by AS SubmittedBy,
        submitted_at AS SubmittedAt, decided_by AS DecidedBy, decided_at AS DecidedAt, version AS Version
        """;

    private const string SelectOne = $"SELECT {Columns} FROM funding_progress_report WHERE id = @Id";

    private const string SelectForAgreement = $"SELECT {Columns} FROM funding_progress_report WHERE agreement_id = @AgreementId ORDER BY submitted_at, id";

    /// <summary>Verified cumulative investment (issuer's and applicants') of an agreement.</summary>
    private const string Verified = $"""
        SELECT CAST(COALESCE(SUM(verified_issuer_fen + verified_applicant_fen), 0) AS BIGINT)
        FROM funding_progress_report WHERE agreement_id = @AgreementId AND status = '{nameof(ProgressReportStatus.Verified)}'
        """;

    private const string VerifiedAt = $"""
        SELECT COUNT(*) FROM funding_progress_report
        WHERE agreement_id = @AgreementId AND milestone_index = @MilestoneIndex AND status = '{nameof(ProgressReportStatus.Verified)}'
        """;

    private const string AttachmentColumns = """
        t.id AS Id, t.report_id AS ReportId, t.file_name AS FileName, t.content_type AS ContentType, t.size_bytes AS SizeBytes,
        t.sha256 AS Sha256, t.uploaded_by AS UploadedBy, t.uploaded_at AS UploadedAt
        """;

    private const string SelectAttachments = $"SELECT {AttachmentColumns} FROM funding_progress_attachment t WHERE t.report_id = @Id ORDER BY t.uploaded_at, t.id";

    private const string SelectAgreementAttachments = $"""
        SELECT {AttachmentColumns} FROM funding_progress_attachment t JOIN funding_progress_report r ON r.id = t.report_id
        WHERE r.agreement_id = @AgreementId ORDER BY t.uploaded_at, t.id
        """;

    /// <summary>A report as callers see it, with its attachments.</summary>
    public static async Task<ProgressReport> ModelAsync(DbConnection connection, ProgressReportRow row, DbTransaction? tx = null) =>
        row.ToModel(await connection.QueryAsync<ProgressAttachment>(SelectAttachments, new { row.Id }, tx));

    /// <summary>Every report of an agreement with its attachments, in two queries.</summary>
    public static async Task<IReadOnlyList<ProgressReport>> ModelsForAgreementAsync(DbConnection connection, Guid agreementId, DbTransaction? tx = null)
    {
        var reports = await ForAgreementAsync(connection, agreementId, tx);
        var attachments = (await connection.QueryAsync<ProgressAttachment>(SelectAgreementAttachments, new { AgreementId = agreementId }, tx))
            .ToLookup(a => a.ReportId);
        return reports.Select(r => r.ToModel(attachments[r.Id])).ToList();
    }

    public static Task<ProgressReportRow?> LoadAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<ProgressReportRow>(SelectOne, new { Id = id }, tx);

    public static async Task<IReadOnlyList<ProgressReportRow>> ForAgreementAsync(DbConnection connection, Guid agreementId, DbTransaction? tx = null) =>
        (await connection.QueryAsync<ProgressReportRow>(SelectForAgreement, new { AgreementId = agreementId }, tx)).AsList();

    public static Task<long> VerifiedInvestmentAsync(DbConnection connection, Guid agreementId, DbTransaction? tx = null) =>
        connection.ExecuteScalarAsync<long>(Verified, new { AgreementId = agreementId }, tx);

    public static async Task<bool> MilestoneVerifiedAsync(DbConnection connection, Guid agreementId, int milestoneIndex, DbTransaction? tx = null) =>
        await connection.ExecuteScalarAsync<long>(VerifiedAt, new { AgreementId = agreementId, MilestoneIndex = milestoneIndex }, tx) > 0;
}
