namespace Jiebang.Review.Features.Rounds.CloseRound;

internal static class Data
{
    public const string Pending = """
        SELECT COUNT(*) FROM review_assignment WHERE round_id = @Id AND status = 'Active' AND score_status <> 'Submitted'
        """;

    public const string KeepPassed = "UPDATE review_item SET passed = @Passed WHERE id = @Id";
}
