namespace Jiebang.Review.Features.Rounds.PubliciseRound;

internal static class Data
{
    public const string Publicise = """
        UPDATE review_round SET status = @To, publicised_at = @Now, objections_close_at = @Until, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = @From
        """;
}
