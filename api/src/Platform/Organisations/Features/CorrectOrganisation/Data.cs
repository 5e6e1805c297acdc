namespace Jiebang.Platform.Organisations.Features.CorrectOrganisation;

internal static class Data
{
    public const string SelectById = OrganisationStore.SelectById;

    public const string Update = """
        UPDATE platform_organisation
        SET name = @Name, org_type = @Type, region_code = @RegionCode, independent_legal_person = @IndependentLegalPerson,
            commercialisation_base = @CommercialisationBase, verified = @Verified, verified_by = @VerifiedBy, verified_at = @Now,
            updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
