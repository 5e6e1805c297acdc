namespace Jiebang.Review.Features.Experts.CreateExpert;

internal static class Data
{
    public const string Insert = """
        INSERT INTO review_expert (id, user_id, name, title, fields, affiliation_organisation_id, active, created_at, updated_at, version)
        VALUES (@Id, NULL, @Name, @Title, @Fields, @AffiliationOrganisationId, @Active, @Now, @Now, 1)
        """;
}
