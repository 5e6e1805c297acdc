namespace Jiebang.Review.Features.Assignments.GetPeerScores;

internal static class Data
{
    public const string SelectPeers = """
        SELECT a.id AS AssignmentId, a.comment AS Comment, a.submitted_at AS SubmittedAt, s.criterion_ordinal AS Ordinal, s.score_hundredths AS Hundredths
        FROM review_assignment a JOIN review_score s ON s.assignment_id = a.id
        WHERE a.item_id = @ItemId AND a.id <> @Id AND a.status = 'Active' AND a.score_status = 'Submitted'
        ORDER BY a.submitted_at, a.id, s.criterion_ordinal
        """;

    internal sealed class Row
    {
        public Guid AssignmentId { get; set; }
        public string? Comment { get; set; }
        public DateTimeOffset? SubmittedAt { get; set; }
        public int Ordinal { get; set; }
        public int Hundredths { get; set; }
    }
}
