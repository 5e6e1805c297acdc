using Dapper;
using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Idempotency;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Features.WithdrawConfirmation;

internal sealed class Endpoint(IdempotentWrite write, DbConnectionFactory db, AuditWriter audit, ApplicationFeed feed, TimeProvider clock)
    : Endpoint<Request, ApplicationDetail>
{
    public override void Configure()
    {
        Post("/api/v1/applications/{id:guid}/confirmation/withdraw");
        Roles(Platform.Auth.Roles.Applicant, Platform.Auth.Roles.District);
        Description(b => b.Api("Applications_WithdrawConfirmation", "Applications",
                "联合单位撤回参与确认（截止前；已提交的申报书退回草稿）；支持 Idempotency-Key / A consortium member withdraws its confirmation before the deadline (a submitted application goes back to Draft); honours Idempotency-Key",
                "Called by the member's own applicant users, or by the district portal covering the member's region (it names the " +
                "organisation). A Submitted application returns to Draft (audited, application.status_changed in the feed) and cannot " +
                "be submitted again until the member confirms anew. Withdrawing when there is no standing confirmation changes nothing (200). " +
                "404 for callers who may not see the application; 409 application.window_closed after the deadline.")
            .Body<Request>().IfMatch(required: false).Ok<ApplicationDetail>().Problems(400, 401, 403, 404, 409, 412, 422)
            .Codes(403, "district.out_of_scope").Codes(409, Consortium.NotAMember, "application.window_closed", "application.invalid_state")
            .Idempotent(), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var expected = Versioning.Parse(HttpContext.Request.Headers.IfMatch) ?? req.ExpectedVersion;
        var result = await write.RunAsync(HttpContext, caller, "Applications_WithdrawConfirmation", new { id, req.OrganisationId, req.Reason, expected },
            async token =>
            {
                await using var read = await db.OpenAsync(token);
                var (refusal, _) = Consortium.Target(await ApplicationStore.LoadAsync(read, id), caller, req.OrganisationId, clock.GetUtcNow(), expected);
                return (refusal, 0);
            },
            async (connection, tx, _) =>
            {
                var now = clock.GetUtcNow();
                var row = await ApplicationStore.LoadAsync(connection, id, tx);
                var (refusal, member) = Consortium.Target(row, caller, req.OrganisationId, now, expected);
                if (refusal is not null)
                {
                    return WriteOutcome.Refuse(refusal);
                }
                if (member!.ConfirmedAt is not null)
                {
                    var to = row!.Status == ApplicationStatus.Submitted ? ApplicationStatus.Draft : row.Status;
                    if (await connection.ExecuteAsync(Data.Touch, new { Id = id, Status = to.ToString(), Now = now, row.Version }, tx) == 0)
                    {
                        return WriteOutcome.Refuse(Problems.VersionMismatch());
                    }
                    await connection.ExecuteAsync(Data.Delete, new { Id = id, member.OrganisationId }, tx);
                    await audit.WriteAsync(connection, tx, caller, ApplicationStore.Module, ApplicationStore.Entity, id, "WithdrawConfirmation",
                        new
                        {
                            organisation = member.OrganisationName, organisationId = member.OrganisationId, reason = req.Reason,
                            from = row.Status.ToString(), to = to.ToString(),
                        });
                    if (to != row.Status)
                    {
                        await feed.StatusChangedAsync(connection, tx, id, row.Status, to);
                    }
                }
                var detail = await ApplicationStore.DetailAsync(connection, (await ApplicationStore.LoadAsync(connection, id, tx))!, tx);
                return WriteOutcome.Done(StatusCodes.Status200OK, detail, detail.Version);
            }, ct);
        await Send.ResultAsync(result);
    }
}
