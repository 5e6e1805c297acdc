namespace Jiebang.Review.Features.Rounds.CreateRound;

internal static class Data
{
    public const string Insert = """
        INSERT INTO review_round (id, kind, name, status, pass_threshold_hundredths, experts_per_item, max_load, spread_limit_hundredths,
            scoring_opens_at, scoring_closes_at, visibility, created_at, updated_at, version)
        VALUES (@Id, @Kind, @Name, @Status, @PassThresholdHundredths, @ExpertsPerItem, @MaxLoad, @SpreadLimitHundredths,
            @ScoringOpensAt, @ScoringClosesAt, @Visibility, @Now, @Now, 1)
        """;
}
