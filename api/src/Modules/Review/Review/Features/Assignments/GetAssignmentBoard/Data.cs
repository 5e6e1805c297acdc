namespace Jiebang.Review.Features.Assignments.GetAssignmentBoard;

internal static class Data
{
    public const string SelectAssignments = """
        SELECT a.id AS AssignmentId, a.item_id AS ItemId, i.subject_code AS SubjectCode, a.expert_id AS ExpertId, e.name AS ExpertName,
               a.status AS Status, a.score_status AS ScoreStatus, a.end_reason AS EndReason, a.assigned_at AS AssignedAt
        FROM review_assignment a JOIN review_item i ON i.id = a.item_id JOIN review_expert e ON e.id = a.expert_id
        WHERE a.round_id = @Id ORDER BY i.added_at, i.id, a.assigned_at, a.id
        """;

    internal sealed class Row
    {
        public Guid AssignmentId { get; set; }
        public Guid ItemId { get; set; }
        public string SubjectCode { get; set; } = "";
        public Guid ExpertId { get; set; }
        public string ExpertName { get; set; } = "";
        public string Status { get; set; } = "";
        public string ScoreStatus { get; set; } = "";
        public string? EndReason { get; set; }
        public DateTimeOffset AssignedAt { get; set; }
    }
}
