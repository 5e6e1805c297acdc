using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Funding.Features.Progress.ReturnProgressReport;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ProgressReport>
{
    public override void Configure()
    {
        Post("/api/v1/progress-reports/{id:guid}/return");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("ProgressReports_Return", "Funding", "退回进展报告 / Send a progress report back with a reason")
            .Body<Request>().Ok<ProgressReport>().Problems(400, 401, 403, 404, 409)
            .Codes(409, "funding.report_already_decided", "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var report = Write.Found(await ProgressStore.GetAsync(w.Connection, id, w.Transaction), "progress report");
            var agreement = (await AgreementStore.GetAsync(w.Connection, report.AgreementId, w.Transaction))!;
            if (ProgressReview.Refusal(report.Status, agreement.Status) is { } refusal)
            {
                throw Write.Refuse(refusal);
            }
            var note = req.Note.Trim();
            Write.Require(await ProgressStore.DecideAsync(w, id, ProgressReportStatus.Returned, null, null, note) > 0, ProgressReview.AlreadyDecided());
            await w.AuditAsync(AgreementStore.Module, "ProgressReport", id, "Return", new { agreement = report.AgreementId, report.MilestoneIndex, note });
            return Write.Ok(await ProgressStore.ModelAsync(w.Connection, (await ProgressStore.GetAsync(w.Connection, id, w.Transaction))!, w.Transaction));
        }, ct));
    }
}
