namespace Jiebang.Platform.Organisations.Features.SetCreditStanding;

internal static class Data
{
    public const string SelectById = OrganisationStore.SelectById;

    public const string Update = """
        UPDATE platform_organisation
        SET credit_standing = @Standing, credit_source = @Source, credit_date = @CreditDate, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
