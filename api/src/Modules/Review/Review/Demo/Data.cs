namespace Jiebang.Review.Demo;

/// <summary>The SQL of the demo seeder.</summary>
internal static class Data
{
    public const string AnyDemo = "SELECT COUNT(*) FROM review_expert WHERE is_demo = @IsDemo";

    public const string OrganisationByCode = "SELECT id FROM platform_organisation WHERE credit_code = @Code";

    public const string UserByName = "SELECT id FROM platform_user WHERE user_name = @UserName AND role = @Role";

    public const string InsertExpert = """
        INSERT INTO review_expert (id, user_id, name, title, fields, affiliation_organisation_id, active, is_demo, created_at, updated_at, version)
        VALUES (@Id, @UserId, @Name, @Title, @Fields, @AffiliationOrganisationId, @Active, @IsDemo, @Now, @Now, 1)
        """;

    public const string InsertRound = """
        INSERT INTO review_round (id, kind, name, status, pass_threshold_hundredths, experts_per_item, max_load, spread_limit_hundredths,
            scoring_opens_at, scoring_closes_at, visibility, is_demo, created_at, updated_at, version)
        VALUES (@Id, @Kind, @Name, @Status, 6000, 3, 10, 2000, @OpensAt, @ClosesAt, @Visibility, @IsDemo, @Now, @Now, 1)
        """;

    public const string InsertCriterion = """
        INSERT INTO review_criterion (round_id, ordinal, name, weight_hundredths, max_score, threshold_hundredths)
        VALUES (@RoundId, @Ordinal, @Name, @WeightHundredths, 100, @ThresholdHundredths)
        """;
}
