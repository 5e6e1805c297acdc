namespace Jiebang.Applications.Features.CreateApplication;

internal static class Data
{
    public const string EnsureCounter = "INSERT INTO applications_counter (challenge_id, next_no) VALUES (@ChallengeId, 0)";

    public const string NextNumber = "UPDATE applications_counter SET next_no = next_no + 1 WHERE challenge_id = @ChallengeId";

    public const string ReadNumber = "SELECT next_no FROM applications_counter WHERE challenge_id = @ChallengeId";

    public const string Insert = """
        INSERT INTO applications_application (id, code, challenge_id, challenge_code, challenge_title, batch_id, issuer_organisation_id,
            closes_at, lead_organisation_id, lead_organisation_name, lead_region_code, status, eligibility, eligibility_results,
            eligibility_checked_at, eligibility_override_reason, content, own_investment_fen, submitted_version, submitted_at,
            created_by, created_by_district, is_demo, created_at, updated_at, version)
        VALUES (@Id, @Code, @ChallengeId, @ChallengeCode, @ChallengeTitle, @BatchId, @IssuerOrganisationId,
            @ClosesAt, @LeadOrganisationId, @LeadOrganisationName, @LeadRegionCode, @Status, NULL, NULL,
            NULL, NULL, @Content, @OwnInvestmentFen, 0, NULL,
            @CreatedBy, @CreatedByDistrict, @IsDemo, @Now, @Now, 1)
        """;

    public const string ConfirmDemo = """
        INSERT INTO applications_confirmation (application_id, organisation_id, role, budget_share_bp, confirmed_at, confirmed_by, confirmed_by_district)
        VALUES (@Id, @OrganisationId, @Role, @BudgetShareBp, @Now, '演示数据 / demo data', NULL)
        """;
}
