namespace Jiebang.Platform.Organisations.Features.VerifyOrganisation;

internal static class Data
{
    public const string SelectById = OrganisationStore.SelectById;

    public const string Verify = """
        UPDATE platform_organisation
        SET verified = @Verified, verified_by = @VerifiedBy, verified_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
