using Jiebang.Platform.Organisations;
using Jiebang.Platform.Registrations.Domain;

namespace Jiebang.Platform.Registrations.Data;

/// <summary>platform_registration (a unit's own registration) and platform_registration_claim (one open registration per code).</summary>
internal static class RegistrationStore
{
    public const string Module = "Platform";
    public const string Entity = "Registration";

    /// <summary>A registration without its licence's bytes (read only to download them).</summary>
    public sealed class Row
    {
        public Guid Id { get; init; }
        public string CreditCode { get; init; } = "";
        public string Name { get; init; } = "";
        public OrganisationType OrgType { get; init; }
        public string LegalRepresentative { get; init; } = "";
        public string LicenceFileName { get; init; } = "";
        public string LicenceContentType { get; init; } = "";
        public long LicenceSize { get; init; }
        public string AdminDisplayName { get; init; } = "";
        public string AdminMobile { get; init; } = "";
        public string AdminEmail { get; init; } = "";
        public string AdminUserName { get; init; } = "";
        /// <summary>The administrator's password hash while pending; emptied once the registration is decided.</summary>
        public string AdminPasswordHash { get; init; } = "";
        public RegistrationStatus Status { get; init; }
        public string? RejectionReason { get; init; }
        public string? ReviewedBy { get; init; }
        public DateTimeOffset? ReviewedAt { get; init; }
        public Guid? OrganisationId { get; init; }
        public Guid? UserId { get; init; }
        public bool IsDemo { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public int Version { get; init; }
    }

    public sealed class Licence
    {
        public string FileName { get; init; } = "";
        public string ContentType { get; init; } = "";
        public byte[] Content { get; init; } = [];
        public DateTimeOffset SubmittedAt { get; init; }
    }

    public const string Columns = """
        id AS Id, credit_code AS CreditCode, name AS Name, org_type AS OrgType, legal_representative AS LegalRepresentative,
        licence_file_name AS LicenceFileName, licence_content_type AS LicenceContentType, licence_size AS LicenceSize,
        admin_display_name AS AdminDisplayName, admin_mobile AS AdminMobile, admin_email AS AdminEmail, admin_user_name AS AdminUserName,
        admin_password_hash AS AdminPasswordHash, status AS Status, rejection_reason AS RejectionReason, reviewed_by AS ReviewedBy,
        reviewed_at AS ReviewedAt, organisation_id AS OrganisationId, user_id AS UserId, is_demo AS IsDemo, submitted_at AS SubmittedAt,
        version AS Version
        """;

    public const string SelectById = $"SELECT {Columns} FROM platform_registration WHERE id = @Id";

    public const string SelectByTokenHash = $"SELECT {Columns} FROM platform_registration WHERE status_token_hash = @Hash";

    public const string SelectLicence = """
        SELECT licence_file_name AS FileName, licence_content_type AS ContentType, licence_content AS Content, submitted_at AS SubmittedAt
        FROM platform_registration WHERE id = @Id
        """;

    public const string SelectClaim = "SELECT registration_id FROM platform_registration_claim WHERE credit_code = @CreditCode";

    public const string InsertClaim = """
        INSERT INTO platform_registration_claim (credit_code, registration_id, claimed_at) VALUES (@CreditCode, @RegistrationId, @Now)
        """;

    public const string DeleteClaim = "DELETE FROM platform_registration_claim WHERE credit_code = @CreditCode AND registration_id = @RegistrationId";

    public const string Insert = """
        INSERT INTO platform_registration (id, credit_code, name, org_type, legal_representative, licence_file_name, licence_content_type,
            licence_size, licence_content, admin_display_name, admin_mobile, admin_email, admin_user_name, admin_password_hash, status,
            status_token_hash, is_demo, submitted_at, version)
        VALUES (@Id, @CreditCode, @Name, @OrgType, @LegalRepresentative, @LicenceFileName, @LicenceContentType,
            @LicenceSize, @LicenceContent, @AdminDisplayName, @AdminMobile, @AdminEmail, @AdminUserName, @AdminPasswordHash, @Status,
            @StatusTokenHash, @IsDemo, @SubmittedAt, 1)
        """;

    /// <summary>Whether an account with this user name exists (compared without case: a name differing only in case confuses people).</summary>
    public const string CountUsersNamed = "SELECT COUNT(*) FROM platform_user WHERE LOWER(user_name) = LOWER(@UserName)";

    public const string SelectOrganisationByCode = OrganisationStore.SelectByCode;

    public const string CountDemo = "SELECT COUNT(*) FROM platform_registration WHERE is_demo = @IsDemo";
}
