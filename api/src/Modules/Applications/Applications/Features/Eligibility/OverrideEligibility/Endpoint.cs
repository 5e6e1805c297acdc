using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Applications.Features.Eligibility.OverrideEligibility;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ApplicationDetail>
{
    public override void Configure()
    {
        Post("/api/v1/applications/{id:guid}/eligibility-override");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Applications_OverrideEligibility", "Applications", "改判资格审查结果（须说明理由） / Override the formal check with a reason")
            .Body<Request>().IfMatch(required: false).Ok<ApplicationDetail>().ETag().Problems(400, 401, 403, 404, 409, 412)
            .Codes(409, "application.invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var reason = req.Reason.Trim();
        var to = ApplicationLifecycle.StatusOf(req.Outcome);
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional), async w =>
        {
            var row = Write.Found(await ApplicationStore.LoadAsync(w.Connection, id, w.Transaction), "application");
            w.Matches(row.Version);
            Write.Require(ApplicationLifecycle.Allows(row.Status, ApplicationAction.OverrideEligibility, to), Problems.Conflict("application.invalid_state",
                "只能改判已完成资格审查的申报", "Only an application that went through the formal check can be overridden"));
            await w.ExecuteAsync(Data.Override, new { Id = id, Outcome = req.Outcome.ToString(), Reason = reason, row.Version });
            await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, "OverrideEligibility",
                new { from = row.Eligibility?.ToString(), to = req.Outcome.ToString(), reason });
            if (row.Status != to)
            {
                await ApplicationFeed.StatusChangedAsync(w, row, row.Status, to);
            }
            var detail = await ApplicationStore.DetailAsync(w.Connection, (await ApplicationStore.LoadAsync(w.Connection, id, w.Transaction))!, w.Transaction);
            await w.PublishAsync(new EligibilityDecided(id, row.ChallengeId, req.Outcome, true));
            return Write.Ok(detail, detail.Version);
        }, ct));
    }
}
