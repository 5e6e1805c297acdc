namespace Jiebang.Review.Features.Rounds.UpdateRound;

internal static class Data
{
    public const string Update = """
        UPDATE review_round SET name = @Name, pass_threshold_hundredths = @PassThresholdHundredths, experts_per_item = @ExpertsPerItem,
            max_load = @MaxLoad, spread_limit_hundredths = @SpreadLimitHundredths, scoring_opens_at = @ScoringOpensAt,
            scoring_closes_at = @ScoringClosesAt, visibility = @Visibility, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = @Draft
        """;
}
