namespace Jiebang.Funding.Features.Progress.SubmitProgressReport;

internal static class Data
{
    public const string Insert = """
        INSERT INTO funding_progress_report (id, agreement_id, milestone_index, claimed_issuer_fen, claimed_applicant_fen, note, status,
            submitted_by, submitted_at, version)
        VALUES (@Id, @AgreementId, @MilestoneIndex, @IssuerInvestmentFen, @ApplicantInvestmentFen, @Note, @Status, @SubmittedBy, @Now, 1)
        """;
}
