namespace Jiebang.Platform.Audit.Features.ListAudit;

internal static class Data
{
    public static string Count(string where) => $"SELECT COUNT(*) FROM platform_audit {where}";

    public static string Page(string where, string page) => $"""
        SELECT id AS Id, occurred_at AS OccurredAt, actor_id AS ActorId, actor_name AS ActorName, actor_role AS ActorRole,
               module AS Module, entity_type AS EntityType, entity_id AS EntityId, action AS Action, summary AS Summary
        FROM platform_audit {where}
        ORDER BY occurred_at DESC, id DESC {page}
        """;
}
