using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Funding.Features.Progress.VerifyProgressReport;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ProgressReport>
{
    public override void Configure()
    {
        Post("/api/v1/progress-reports/{id:guid}/verify");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("ProgressReports_Verify", "Funding",
                "核定进展报告的实际投入 / Verify a progress report's investment",
                "Verified amounts cannot exceed the claim; only a submitted report can be decided (409 funding.report_already_decided).")
            .Body<Request>().Ok<ProgressReport>().Problems(400, 401, 403, 404, 409)
            .Codes(409, "funding.report_already_decided", "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var report = Write.Found(await ProgressStore.GetAsync(w.Connection, id, w.Transaction), "progress report");
            var errors = new Dictionary<string, string[]>();
            if (req.VerifiedIssuerFen > report.ClaimedIssuerFen)
            {
                errors["verifiedIssuerFen"] = ["核定金额不能超过申报金额 / The verified amount cannot exceed the claim"];
            }
            if (req.VerifiedApplicantFen > report.ClaimedApplicantFen)
            {
                errors["verifiedApplicantFen"] = ["核定金额不能超过申报金额 / The verified amount cannot exceed the claim"];
            }
            Write.Require(errors.Count == 0, Problems.Validation(errors));
            var agreement = (await AgreementStore.GetAsync(w.Connection, report.AgreementId, w.Transaction))!;
            if (ProgressReview.Refusal(report.Status, agreement.Status) is { } refusal)
            {
                throw Write.Refuse(refusal);
            }
            Write.Require(await ProgressStore.DecideAsync(w, id, ProgressReportStatus.Verified, req.VerifiedIssuerFen, req.VerifiedApplicantFen,
                req.Note) > 0, ProgressReview.AlreadyDecided());
            await w.AuditAsync(AgreementStore.Module, "ProgressReport", id, "Verify", new
            {
                agreement = report.AgreementId, report.MilestoneIndex, req.VerifiedIssuerFen, req.VerifiedApplicantFen,
            });
            return Write.Ok(await ProgressStore.ModelAsync(w.Connection, (await ProgressStore.GetAsync(w.Connection, id, w.Transaction))!, w.Transaction));
        }, ct));
    }
}
