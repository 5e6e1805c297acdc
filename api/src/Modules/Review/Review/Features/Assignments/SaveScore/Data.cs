namespace Jiebang.Review.Features.Assignments.SaveScore;

internal static class Data
{
    public const string Update = """
        UPDATE review_assignment SET score_status = 'Draft', comment = @Comment, saved_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND score_status <> 'Submitted'
        """;

    public const string DeleteScores = "DELETE FROM review_score WHERE assignment_id = @Id";

    public const string InsertScore = "INSERT INTO review_score (assignment_id, criterion_ordinal, score_hundredths) VALUES (@Id, @Ordinal, @Hundredths)";
}
