using Dapper;
using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Platform.Paging;
using Jiebang.Platform.Registrations.Data;

namespace Jiebang.Platform.Registrations.Features.ListRegistrations;

internal sealed class Endpoint(DbConnectionFactory db) : Endpoint<Request, Paged<RegistrationSummary>>
{
    public override void Configure()
    {
        Get("/api/v1/registrations");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Auditor);
        Description(b => b.Api("Registrations_List", "Platform", "注册审核队列 / List units' registrations",
                "Newest first; status=Pending gives the queue awaiting review.")
            .Ok<Paged<RegistrationSummary>>().Problems(400, 401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var where = new Conditions().AndIf(req.Status is not null, "status = @Status");
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            where.And($"{db.Dialect.ContainsIgnoreCase("name", "@Q")} OR {db.Dialect.ContainsIgnoreCase("credit_code", "@Q")} " +
                      $"OR {db.Dialect.ContainsIgnoreCase("admin_user_name", "@Q")}");
        }
        var args = new
        {
            Status = req.Status?.ToString(),
            Q = string.IsNullOrWhiteSpace(req.Q) ? null : SqlDialect.ContainsPattern(req.Q.Trim()),
            req.Skip,
            Take = req.PageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(Data.Count(where.Sql), args);
        var rows = await connection.QueryAsync<RegistrationStore.Row>(Data.Page(where.Sql, db.Dialect.Page), args);
        await Send.OkAsync(new Paged<RegistrationSummary>
        {
            Items = rows.Select(r => new RegistrationSummary
            {
                Id = r.Id, Name = r.Name, CreditCode = r.CreditCode, OrgType = r.OrgType, Status = r.Status, AdminUserName = r.AdminUserName,
                SubmittedAt = r.SubmittedAt, ReviewedAt = r.ReviewedAt, IsDemo = r.IsDemo,
            }).ToList(),
            Total = total, Page = req.Page, PageSize = req.PageSize,
        }, ct);
    }
}
