namespace Jiebang.Review.Features.Rounds.RecordMatchmaking;

internal static class Data
{
    public const string Remove = "DELETE FROM review_matchmaking WHERE item_id = @ItemId";

    public const string Insert = """
        INSERT INTO review_matchmaking (item_id, round_id, matched, note, recorded_at, recorded_by)
        VALUES (@ItemId, @RoundId, @Matched, @Note, @Now, @By)
        """;
}
