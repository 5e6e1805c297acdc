namespace Jiebang.Review.Features.Objections.ResolveObjection;

internal static class Data
{
    public const string MarkResolved = """
        UPDATE review_objection SET status = @Status, resolution = @Resolution, resolved_at = @Now
        WHERE id = @Id AND round_id = @RoundId AND status = 'Open'
        """;

    public const string ItemOf = "SELECT item_id FROM review_objection WHERE id = @Id AND round_id = @RoundId";
}
