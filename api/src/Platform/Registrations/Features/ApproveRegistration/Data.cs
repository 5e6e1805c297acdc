namespace Jiebang.Platform.Registrations.Features.ApproveRegistration;

internal static class Data
{
    public const string Approve = """
        UPDATE platform_registration
        SET status = @Status, reviewed_by = @ReviewedBy, reviewed_at = @Now, organisation_id = @OrganisationId, user_id = @UserId,
            admin_password_hash = '', version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    public const string VerifyOrganisation = """
        UPDATE platform_organisation
        SET verified = @Verified, verified_by = @VerifiedBy, verified_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    public const string InsertOrganisation = """
        INSERT INTO platform_organisation (id, credit_code, name, org_type, region_code, independent_legal_person, credit_standing,
            is_demo, created_at, updated_at, version, registered_by_kind, registered_by_id, registered_by_name, verified, verified_by, verified_at)
        VALUES (@Id, @CreditCode, @Name, @Type, @RegionCode, @IndependentLegalPerson, @CreditStanding,
            @IsDemo, @Now, @Now, 1, @RegisteredByKind, @RegisteredById, @RegisteredByName, @Verified, @VerifiedBy, @Now)
        """;

    public const string InsertUser = """
        INSERT INTO platform_user (id, user_name, display_name, password_hash, role, organisation_id, active, is_demo, created_at,
            email, mobile, org_admin, must_change_password, security_stamp, updated_at, version)
        VALUES (@Id, @UserName, @DisplayName, @PasswordHash, @Role, @OrganisationId, @Active, @IsDemo, @Now,
            @Email, @Mobile, @OrgAdmin, @MustChangePassword, @SecurityStamp, @Now, 1)
        """;
}
