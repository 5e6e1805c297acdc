namespace Jiebang.Review.Features.Rounds.ListRounds;

internal static class Data
{
    public const string Select = """
        SELECT r.id AS Id, r.kind AS Kind, r.name AS Name, r.status AS Status, r.is_demo AS IsDemo, r.created_at AS CreatedAt,
               (SELECT COUNT(*) FROM review_item i WHERE i.round_id = r.id) AS Items
        FROM review_round r ORDER BY r.created_at DESC, r.id DESC
        """;
}
