namespace Jiebang.Challenges.Features.Batches.PublishBatch;

internal static class Data
{
    public const string PublishBatch = """
        UPDATE challenges_batch SET status = @Published, published_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = @Draft
        """;

    public const string PublishChallenges = """
        UPDATE challenges_challenge SET status = @Published, published_at = @Now, updated_at = @Now, version = version + 1
        WHERE batch_id = @Id AND status = @Approved
        """;

    public const string PublishedForFeed = """
        SELECT id AS Id, code AS Code, title AS Title, field AS Field FROM challenges_challenge
        WHERE batch_id = @Id AND status = @Published ORDER BY code
        """;
}

internal sealed class PublishedChallenge
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string Field { get; set; } = "";
}
