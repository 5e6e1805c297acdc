using System.Data.Common;
using Dapper;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Writes;

namespace Jiebang.Funding.Data;

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

/// <summary>Progress reports (进展报告) of agreements, with the files attached to them.</summary>
internal static class ProgressStore
{
    private const string Columns = """
        id AS Id, agreement_id AS AgreementId, milestone_index AS MilestoneIndex, claimed_issuer_fen AS ClaimedIssuerFen,
        claimed_applicant_fen AS ClaimedApplicantFen, note AS Note, status AS Status, verified_issuer_fen AS VerifiedIssuerFen,
        verified_applicant_fen AS VerifiedApplicantFen, decision_note AS DecisionNote, submitted_by AS SubmittedBy,
        submitted_at AS SubmittedAt, decided_by AS DecidedBy, decided_at AS DecidedAt, version AS Version
        """;

    private const string SelectOne = $"SELECT {Columns} FROM funding_progress_report WHERE id = @Id";

    private const string SelectForAgreement = $"""
        SELECT {Columns} FROM funding_progress_report WHERE agreement_id = @AgreementId ORDER BY submitted_at, id
        """;

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

    private const string SelectAttachments = $"""
        SELECT {AttachmentColumns} FROM funding_progress_attachment t WHERE t.report_id = @Id ORDER BY t.uploaded_at, t.id
        """;

    private const string SelectAgreementAttachments = $"""
        SELECT {AttachmentColumns} FROM funding_progress_attachment t JOIN funding_progress_report r ON r.id = t.report_id
        WHERE r.agreement_id = @AgreementId ORDER BY t.uploaded_at, t.id
        """;

    /// <summary>The task force's decision on a submitted report: verified (with amounts) or returned.</summary>
    private const string Decide = """
        UPDATE funding_progress_report
        SET status = @Status, verified_issuer_fen = @VerifiedIssuerFen, verified_applicant_fen = @VerifiedApplicantFen,
            decision_note = @Note, decided_by = @DecidedBy, decided_at = @Now, version = version + 1
        WHERE id = @Id AND status = @Submitted
        """;

    /// <summary>A report as callers see it, with its attachments.</summary>
    public static async Task<ProgressReport> ModelAsync(DbConnection connection, ProgressReportRow row, DbTransaction? tx = null) =>
        row.ToModel(await connection.QueryAsync<ProgressAttachment>(SelectAttachments, new { row.Id }, tx));

    /// <summary>Every report of an agreement with its attachments, in two queries.</summary>
    public static async Task<IReadOnlyList<ProgressReport>> ModelsForAgreementAsync(DbConnection connection, Guid agreementId,
        DbTransaction? tx = null)
    {
        var reports = (await connection.QueryAsync<ProgressReportRow>(SelectForAgreement, new { AgreementId = agreementId }, tx)).AsList();
        var attachments = (await connection.QueryAsync<ProgressAttachment>(SelectAgreementAttachments, new { AgreementId = agreementId }, tx))
            .ToLookup(a => a.ReportId);
        return reports.Select(r => r.ToModel(attachments[r.Id])).ToList();
    }

    public static Task<ProgressReportRow?> GetAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<ProgressReportRow>(SelectOne, new { Id = id }, tx);

    public static Task<long> VerifiedInvestmentAsync(DbConnection connection, Guid agreementId, DbTransaction? tx = null) =>
        connection.ExecuteScalarAsync<long>(Verified, new { AgreementId = agreementId }, tx);

    public static async Task<bool> MilestoneVerifiedAsync(Write w, Guid agreementId, int milestoneIndex) =>
        await w.ExecuteScalarAsync<long>(VerifiedAt, new { AgreementId = agreementId, MilestoneIndex = milestoneIndex }) > 0;

    /// <summary>Decides a submitted report; 0 rows when it was decided meanwhile.</summary>
    public static Task<int> DecideAsync(Write w, Guid id, ProgressReportStatus decision, long? verifiedIssuerFen, long? verifiedApplicantFen,
        string? note) =>
        w.ExecuteAsync(Decide, new
        {
            Id = id, Status = decision.ToString(), VerifiedIssuerFen = verifiedIssuerFen, VerifiedApplicantFen = verifiedApplicantFen, Note = note,
            DecidedBy = w.Caller.Name, w.Now, Submitted = nameof(ProgressReportStatus.Submitted),
        });
}
