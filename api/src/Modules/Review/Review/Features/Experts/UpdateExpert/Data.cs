namespace Jiebang.Review.Features.Experts.UpdateExpert;

internal static class Data
{
    public const string Update = """
        UPDATE review_expert SET name = @Name, title = @Title, fields = @Fields, affiliation_organisation_id = @AffiliationOrganisationId,
            active = @Active, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
