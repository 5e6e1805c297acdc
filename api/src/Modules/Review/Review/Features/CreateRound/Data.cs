namespace Jiebang.Review.Features.CreateRound;

internal static class Data
{
    public const string Insert = """
        INSERT INTO review_round (id, kind, name, status, pass_threshold_hundredths, experts_per_item, max_load, spread_limit_hundredths,
            scoring_opens_at, scoring_closes_at, visibility, created_at, updated_at, version)
        VALUES (@Id, @Kind, @Name, @Status, @PassThresholdHundredths, @ExpertsPerItem, @MaxLoad, @SpreadLimitHundredths,
            @ScoringOpensAt, @ScoringClosesAt, @Visibility, @Now, @Now, 1)
        """;

    public const string InsertCriterion = """
        INSERT INTO review_criterion (round_id, ordinal, name, weight_hundredths, max_score, threshold_hundredths)
        VALUES (@RoundId, @Ordinal, @Name, @WeightHundredths, @MaxScore, @ThresholdHundredths)
        """;
}
