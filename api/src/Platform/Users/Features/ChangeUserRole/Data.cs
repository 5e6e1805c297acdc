namespace Jiebang.Platform.Users.Features.ChangeUserRole;

internal static class Data
{
    public const string Update = """
        UPDATE platform_user
        SET role = @Role, organisation_id = @OrganisationId, expert_id = @ExpertId, org_admin = @OrgAdmin, security_stamp = @Stamp,
            updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
