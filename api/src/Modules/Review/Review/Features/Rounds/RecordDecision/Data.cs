namespace Jiebang.Review.Features.Rounds.RecordDecision;

internal static class Data
{
    public const string Upheld = "SELECT COUNT(*) FROM review_objection WHERE item_id = @ItemId AND status = 'Upheld'";

    public const string Matchmaking = "SELECT COUNT(*) FROM review_matchmaking WHERE item_id = @ItemId";

    public const string Previous = "SELECT outcome FROM review_decision WHERE item_id = @ItemId";

    public const string DeleteDecision = "DELETE FROM review_decision WHERE item_id = @ItemId";

    public const string Insert = """
        INSERT INTO review_decision (item_id, round_id, outcome, reason, decided_at, decided_by)
        VALUES (@ItemId, @RoundId, @Outcome, @Reason, @Now, @By)
        """;
}
