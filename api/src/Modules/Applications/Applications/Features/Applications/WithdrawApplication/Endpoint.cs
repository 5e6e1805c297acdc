using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Views;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Applications.Features.Applications.WithdrawApplication;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ApplicationDetail>
{
    public override void Configure()
    {
        Post("/api/v1/applications/{id:guid}/withdraw");
        Roles(Platform.Auth.Roles.Applicant, Platform.Auth.Roles.District);
        Description(b => b.Api("Applications_Withdraw", "Applications", "撤回申报（截止前） / Withdraw before the deadline")
            .Body<Request>().IfMatch(required: false).Ok<ApplicationDetail>().ETag().Problems(400, 401, 403, 404, 409, 412)
            .Codes(409, "application.invalid_state", "application.window_closed"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional), async w =>
        {
            var row = ApplicationLifecycle.CheckChange(await ApplicationStore.LoadAsync(w.Connection, id, w.Transaction), w.Caller, w.Now, w.ExpectedVersion);
            Write.Changed(await w.ExecuteAsync(Data.Withdraw, new { Id = id, w.Now, row.Version }));
            await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, "Withdraw",
                new { from = row.Status.ToString(), to = nameof(ApplicationStatus.Withdrawn), reason = req.Reason });
            await ApplicationFeed.StatusChangedAsync(w, row, row.Status, ApplicationStatus.Withdrawn);
            var (_, detail) = await ApplicationStore.CurrentAsync(w, id);
            return Write.Ok(detail, detail.Version);
        }, ct));
    }
}
