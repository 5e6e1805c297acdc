using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.ReturnProgressReport;

/// <summary>Why the report goes back to the parties.</summary>
internal sealed class Request
{
    public string Note { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Note).NotEmpty().MaximumLength(2000)
        .WithMessage("退回须说明理由 / A returned report needs a reason");
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ProgressReport>
{
    public override void Configure()
    {
        Post("/api/v1/progress-reports/{id:guid}/return");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("ProgressReports_Return", "Funding", "退回进展报告 / Send a progress report back with a reason")
            .Body<Request>().Ok<ProgressReport>().Problems(400, 401, 403, 404, 409).Codes(409, "funding.report_already_decided", "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var report = await ProgressStore.LoadAsync(connection, id, tx);
            if (report is null)
            {
                await Send.ResultAsync(Problems.NotFound("progress report"));
                return;
            }
            if (await VerifyProgressReport.Endpoint.Refusal(connection, tx, report) is { } refusal)
            {
                await Send.ResultAsync(refusal);
                return;
            }
            var changed = await connection.ExecuteAsync(VerifyProgressReport.Endpoint.Decide, new
            {
                Id = id, Status = nameof(ProgressReportStatus.Returned), VerifiedIssuerFen = (long?)null, VerifiedApplicantFen = (long?)null,
                Note = req.Note.Trim(), DecidedBy = caller.Name, Now = clock.GetUtcNow(), Submitted = nameof(ProgressReportStatus.Submitted),
            }, tx);
            if (changed == 0)
            {
                await Send.ResultAsync(VerifyProgressReport.Endpoint.AlreadyDecided());
                return;
            }
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "ProgressReport", id, "Return",
                new { agreement = report.AgreementId, report.MilestoneIndex, note = req.Note.Trim() });
            var saved = await ProgressStore.ModelAsync(connection, (await ProgressStore.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            await Send.OkAsync(saved, ct);
        }
    }
}
