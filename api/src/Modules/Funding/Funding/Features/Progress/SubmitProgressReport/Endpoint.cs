using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Funding.Features.Progress.SubmitProgressReport;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ProgressReport>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/progress-reports");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant);
        Description(b => b.Api("Agreements_SubmitProgressReport", "Funding",
                "提交里程碑进展报告（实际投入） / Report actual investment at a milestone",
                "The issuer, the lead applicant or the task force reports; the task force then verifies or returns it.")
            .Body<Request>().Ok<ProgressReport>(201).Location().Problems(400, 401, 403, 404, 409)
            .Codes(409, "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var caller = w.Caller;
            var agreement = await AgreementStore.GetAsync(w.Connection, id, w.Transaction);
            Write.Require(agreement is not null && (caller.IsTaskForce || caller.BelongsTo(agreement.IssuerOrganisationId)
                || (caller.IsApplicant && caller.BelongsTo(agreement.LeadOrganisationId))), Problems.NotFound("agreement"));
            Write.Require(AgreementLifecycle.Allows(agreement!.Status, AgreementStep.ReportProgress), AgreementLifecycle.NotActive(agreement.Status));
            Write.Require(req.MilestoneIndex < await AgreementStore.MilestoneCountAsync(w, id),
                Problems.Validation("milestoneIndex", "协议中没有该里程碑", "The agreement has no such milestone"));
            var reportId = Guid.CreateVersion7();
            await w.ExecuteAsync(Data.Insert, new
            {
                Id = reportId, AgreementId = id, req.MilestoneIndex, req.IssuerInvestmentFen, req.ApplicantInvestmentFen, req.Note,
                Status = nameof(ProgressReportStatus.Submitted), SubmittedBy = caller.Name, w.Now,
            });
            await w.AuditAsync(AgreementStore.Module, "ProgressReport", reportId, "Submit", new
            {
                agreement = id, req.MilestoneIndex, req.IssuerInvestmentFen, req.ApplicantInvestmentFen,
            });
            var saved = (await ProgressStore.GetAsync(w.Connection, reportId, w.Transaction))!;
            return Write.Created(saved.ToModel([]), $"/api/v1/agreements/{id}");
        }, ct));
    }
}
