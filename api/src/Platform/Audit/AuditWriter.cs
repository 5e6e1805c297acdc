using System.Data.Common;
using System.Text.Json;
using Dapper;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;

namespace Jiebang.Platform.Audit;

/// <summary>Appends an audit record inside the caller's transaction, so a change and its record commit together.</summary>
public sealed class AuditWriter(TimeProvider clock)
{
    private const string Insert = """
        INSERT INTO platform_audit (id, occurred_at, actor_id, actor_name, actor_role, module, entity_type, entity_id, action, summary)
        VALUES (@Id, @OccurredAt, @ActorId, @ActorName, @ActorRole, @Module, @EntityType, @EntityId, @Action, @Summary)
        """;

    public Task WriteAsync(DbConnection connection, DbTransaction tx, Caller actor, string module, string entityType,
        Guid entityId, string action, object? summary = null) =>
        connection.ExecuteAsync(Insert, new
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = clock.GetUtcNow(),
            ActorId = actor.UserId,
            ActorName = actor.Name,
            ActorRole = actor.Role ?? "Anonymous",
            Module = module,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Summary = summary is null ? null : JsonSerializer.Serialize(summary, JsonDefaults.Options),
        }, tx);
}
