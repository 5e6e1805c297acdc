using FastEndpoints;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Applications.Features.Consortium.WithdrawConfirmation;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ApplicationDetail>
{
    public override void Configure()
    {
        Post("/api/v1/applications/{id:guid}/confirmation/withdraw");
        Roles(Platform.Auth.Roles.Applicant, Platform.Auth.Roles.District);
        Description(b => b.Api("Applications_WithdrawConfirmation", "Applications",
                "联合单位撤回参与确认（截止前；已提交的申报书退回草稿）；支持 Idempotency-Key / A consortium member withdraws its confirmation " +
                "before the deadline (a submitted application goes back to Draft); honours Idempotency-Key",
                "Called by the member's own applicant users, or by the district portal covering the member's region (it names the " +
                "organisation). A Submitted application returns to Draft (audited, application.status_changed in the feed) and cannot " +
                "be submitted again until the member confirms anew. Withdrawing when there is no standing confirmation changes nothing (200). " +
                "404 for callers who may not see the application; 409 application.window_closed after the deadline.")
            .Body<Request>().IfMatch(required: false).Ok<ApplicationDetail>().Problems(400, 401, 403, 404, 409, 412, 422)
            .Codes(403, "district.out_of_scope").Codes(409, ConsortiumRules.NotAMember, "application.window_closed", "application.invalid_state")
            .Idempotent(), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var expected = Versioning.Parse(HttpContext.Request.Headers.IfMatch) ?? req.ExpectedVersion;
        await Send.ResultAsync(await writes.RunAsync(HttpContext,
            WriteOptions.Idempotent("Applications_WithdrawConfirmation", new { id, req.OrganisationId, req.Reason, expected }),
            async w =>
            {
                var row = await ApplicationStore.LoadAsync(w.Connection, id, w.Transaction);
                var member = ConsortiumRules.Member(row, caller, req.OrganisationId, w.Now, expected);
                if (member.ConfirmedAt is not null)
                {
                    var to = ApplicationLifecycle.AfterConfirmationWithdrawn(row!.Status);
                    Write.Changed(await w.ExecuteAsync(Data.Touch, new { Id = id, Status = to.ToString(), w.Now, row.Version }));
                    await w.ExecuteAsync(ApplicationStore.DeleteConfirmation, new { Id = id, member.OrganisationId });
                    await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, "WithdrawConfirmation", new
                    {
                        organisation = member.OrganisationName, organisationId = member.OrganisationId, reason = req.Reason,
                        from = row.Status.ToString(), to = to.ToString(),
                    });
                    if (to != row.Status)
                    {
                        await ApplicationFeed.StatusChangedAsync(w, row, row.Status, to);
                    }
                }
                var (_, detail) = await ApplicationStore.CurrentAsync(w, id);
                return Write.Ok(detail, detail.Version);
            }, ct));
    }
}
