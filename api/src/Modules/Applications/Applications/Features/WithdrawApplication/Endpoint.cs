using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Mediator;

namespace Jiebang.Applications.Features.WithdrawApplication;

internal sealed class Request
{
    public string? Reason { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Reason).MaximumLength(2000);
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, ApplicationFeed feed, TimeProvider clock) : Endpoint<Request, ApplicationDetail>
{
    private const string Withdraw = """
        UPDATE applications_application SET status = 'Withdrawn', updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version
        """;

    public override void Configure()
    {
        Post("/api/v1/applications/{id:guid}/withdraw");
        Roles(Platform.Auth.Roles.Applicant, Platform.Auth.Roles.District);
        Description(b => b.Api("Applications_Withdraw", "Applications", "撤回申报（截止前） / Withdraw before the deadline")
            .Body<Request>().IfMatch(required: false).Ok<ApplicationDetail>().ETag().Problems(400, 401, 403, 404, 409, 412).Codes(409, "application.invalid_state", "application.window_closed"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        ApplicationDetail detail;
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var now = clock.GetUtcNow();
            var row = await ApplicationStore.LoadAsync(connection, id, tx);
            if (ChangeGuard.Refusal(row, caller, now, Versioning.Parse(HttpContext.Request.Headers.IfMatch)) is { } refusal)
            {
                await Send.ResultAsync(refusal);
                return;
            }
            if (await connection.ExecuteAsync(Withdraw, new { Id = id, Now = now, row!.Version }, tx) == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await audit.WriteAsync(connection, tx, caller, ApplicationStore.Module, ApplicationStore.Entity, id, "Withdraw",
                new { from = row.Status.ToString(), to = nameof(ApplicationStatus.Withdrawn), reason = req.Reason });
            await feed.StatusChangedAsync(connection, tx, id, row.Status, ApplicationStatus.Withdrawn);
            detail = await ApplicationStore.DetailAsync(connection, (await ApplicationStore.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
        }
        HttpContext.Response.Headers.ETag = Versioning.ETag(detail.Version);
        await Send.OkAsync(detail, ct);
    }
}
