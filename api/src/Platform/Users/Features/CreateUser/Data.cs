namespace Jiebang.Platform.Users.Features.CreateUser;

internal static class Data
{
    public const string UserNameTaken = Users.Data.PlacementData.UserNameTaken;

    public const string Insert = """
        INSERT INTO platform_user (id, user_name, display_name, password_hash, role, organisation_id, expert_id, active, is_demo, created_at,
                                   email, mobile, org_admin, must_change_password, security_stamp, updated_at, version)
        VALUES (@Id, @UserName, @DisplayName, @PasswordHash, @Role, @OrganisationId, @ExpertId, @Active, @IsDemo, @Now,
                @Email, @Mobile, @OrgAdmin, @MustChangePassword, @SecurityStamp, @Now, 1)
        """;
}
