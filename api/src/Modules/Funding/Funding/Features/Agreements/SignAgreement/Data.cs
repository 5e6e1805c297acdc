namespace Jiebang.Funding.Features.Agreements.SignAgreement;

internal static class Data
{
    public const string Existing = """
        SELECT COUNT(*) FROM funding_agreement WHERE application_id = @ApplicationId OR challenge_id = @ChallengeId
        """;

    public const string InsertAgreement = """
        INSERT INTO funding_agreement (id, code, application_id, challenge_id, batch_id, issuer_organisation_id, lead_organisation_id,
            issuer_investment_fen, applicant_investment_fen, ratio_bp, cap_fen, commitment_fen, tranches, starts_on, ends_on, status,
            signed_at, signed_by, updated_at, version)
        VALUES (@Id, @Code, @ApplicationId, @ChallengeId, @BatchId, @IssuerOrganisationId, @LeadOrganisationId,
            @IssuerInvestmentFen, @ApplicantInvestmentFen, @RatioBp, @CapFen, @CommitmentFen, @Tranches, @StartsOn, @EndsOn, @Status,
            @Now, @SignedBy, @Now, 1)
        """;

    public const string InsertParty = """
        INSERT INTO funding_party (agreement_id, organisation_id, role, issuer_organisation_id)
        VALUES (@AgreementId, @OrganisationId, @Role, @IssuerOrganisationId)
        """;

    public const string InsertMilestone = """
        INSERT INTO funding_milestone (agreement_id, ordinal, name, due_on, tranche_index, deliverables, indicator_targets)
        VALUES (@AgreementId, @Ordinal, @Name, @DueOn, @TrancheIndex, @Deliverables, @IndicatorTargets)
        """;

    /// <summary>The first-cooperation pair; its primary key refuses a second agreement between them even from another batch.</summary>
    public const string InsertCooperation = """
        INSERT INTO funding_cooperation (issuer_organisation_id, organisation_id, agreement_id)
        VALUES (@IssuerOrganisationId, @OrganisationId, @AgreementId)
        """;
}
