using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Platform.Paging;

namespace Jiebang.Platform.Audit.Features.ListAudit;

/// <summary>Filters for the audit log; all optional.</summary>
public sealed class Request : PageRequest
{
    public string? EntityType { get; set; }
    public Guid? EntityId { get; set; }
    public Guid? ActorId { get; set; }
    public string? Action { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }
}

/// <summary>One recorded state change.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public Guid? ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string ActorRole { get; init; } = "";
    public string Module { get; init; } = "";
    public string EntityType { get; init; } = "";
    public Guid EntityId { get; init; }
    public string Action { get; init; } = "";
    /// <summary>JSON with the before/after values that matter for this action.</summary>
    public string? Summary { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        this.AddPageRules();
        RuleFor(x => x.EntityType).MaximumLength(100);
        RuleFor(x => x.Action).MaximumLength(100);
    }
}

internal sealed class Endpoint(DbConnectionFactory db) : Endpoint<Request, Paged<AuditEntry>>
{
    public override void Configure()
    {
        Get("/api/v1/audit");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Auditor);
        Description(b => b.Api("Audit_List", "Platform", "审计日志 / The audit log (task force and auditors)")
            .Ok<Paged<AuditEntry>>().Problems(400, 401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var where = new Conditions()
            .AndIf(req.EntityType is not null, "entity_type = @EntityType")
            .AndIf(req.EntityId is not null, "entity_id = @EntityId")
            .AndIf(req.ActorId is not null, "actor_id = @ActorId")
            .AndIf(req.Action is not null, "action = @Action")
            .AndIf(req.From is not null, "occurred_at >= @From")
            .AndIf(req.To is not null, "occurred_at < @To")
            .Sql;
        await using var connection = await db.OpenAsync(ct);
        var args = new DynamicParameters(new
        {
            req.EntityType, req.EntityId, req.ActorId, req.Action, req.From, req.To,
            Skip = req.Skip, Take = req.PageSize,
        });
        var total = await connection.ExecuteScalarAsync<int>(Data.Count(where), args);
        var items = await connection.QueryAsync<AuditEntry>(Data.Page(where, db.Dialect.Page), args);
        await Send.OkAsync(new Paged<AuditEntry> { Items = items.AsList(), Total = total, Page = req.Page, PageSize = req.PageSize }, ct);
    }
}
