namespace Jiebang.Review.Features.AssignByHand;

internal static class Data
{
    public const string Item = """
        SELECT id AS Id, round_id AS RoundId, subject_id AS SubjectId, subject_code AS SubjectCode, title AS Title, field AS Field,
               conflict_organisations AS ConflictOrganisations,
               (SELECT COUNT(*) FROM review_assignment a WHERE a.item_id = review_item.id AND a.status = 'Active') AS ActiveAssignments
        FROM review_item WHERE id = @ItemId AND round_id = @RoundId
        """;

    public const string EverOnItem = "SELECT COUNT(*) FROM review_assignment WHERE item_id = @ItemId AND expert_id = @ExpertId";

    public const string Load = "SELECT COUNT(*) FROM review_assignment WHERE round_id = @RoundId AND expert_id = @ExpertId AND status = 'Active'";
}
