namespace Jiebang.Review.Features.Assignments.SubmitScore;

internal static class Data
{
    public const string Submit = """
        UPDATE review_assignment SET score_status = 'Submitted', submitted_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND score_status = 'Draft'
        """;
}
