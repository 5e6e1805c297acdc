using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.VerifyProgressReport;

/// <summary>The investment the task force accepts from a report; at most what was claimed.</summary>
internal sealed class Request
{
    public long VerifiedIssuerFen { get; set; }
    public long VerifiedApplicantFen { get; set; }
    public string? Note { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.VerifiedIssuerFen).GreaterThanOrEqualTo(0);
        RuleFor(x => x.VerifiedApplicantFen).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ProgressReport>
{
    internal const string Decide = """
        UPDATE funding_progress_report
        SET status = @Status, verified_issuer_fen = @VerifiedIssuerFen, verified_applicant_fen = @VerifiedApplicantFen,
            decision_note = @Note, decided_by = @DecidedBy, decided_at = @Now, version = version + 1
        WHERE id = @Id AND status = @Submitted
        """;

    public override void Configure()
    {
        Post("/api/v1/progress-reports/{id:guid}/verify");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("ProgressReports_Verify", "Funding",
                "核定进展报告的实际投入 / Verify a progress report's investment",
                "Verified amounts cannot exceed the claim; only a submitted report can be decided (409 funding.report_already_decided).")
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
            var errors = new Dictionary<string, string[]>();
            if (req.VerifiedIssuerFen > report.ClaimedIssuerFen)
            {
                errors["verifiedIssuerFen"] = ["核定金额不能超过申报金额 / The verified amount cannot exceed the claim"];
            }
            if (req.VerifiedApplicantFen > report.ClaimedApplicantFen)
            {
                errors["verifiedApplicantFen"] = ["核定金额不能超过申报金额 / The verified amount cannot exceed the claim"];
            }
            if (errors.Count > 0)
            {
                await Send.ResultAsync(Problems.Validation(errors));
                return;
            }
            if (await Refusal(connection, tx, report) is { } refusal)
            {
                await Send.ResultAsync(refusal);
                return;
            }
            var changed = await connection.ExecuteAsync(Decide, new
            {
                Id = id, Status = nameof(ProgressReportStatus.Verified), req.VerifiedIssuerFen, req.VerifiedApplicantFen, req.Note,
                DecidedBy = caller.Name, Now = clock.GetUtcNow(), Submitted = nameof(ProgressReportStatus.Submitted),
            }, tx);
            if (changed == 0)
            {
                await Send.ResultAsync(AlreadyDecided());
                return;
            }
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "ProgressReport", id, "Verify", new
            {
                agreement = report.AgreementId, report.MilestoneIndex, req.VerifiedIssuerFen, req.VerifiedApplicantFen,
            });
            var saved = await ProgressStore.ModelAsync(connection, (await ProgressStore.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            await Send.OkAsync(saved, ct);
        }
    }

    /// <summary>Only a submitted report of an active agreement can be decided.</summary>
    internal static async Task<Microsoft.AspNetCore.Http.IResult?> Refusal(System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction tx, ProgressReportRow report)
    {
        if (report.Status != ProgressReportStatus.Submitted)
        {
            return AlreadyDecided();
        }
        var agreement = await FundingStore.AgreementAsync(connection, report.AgreementId, tx);
        return agreement!.Status != AgreementStatus.Active ? SubmitProgressReport.Endpoint.NotActive(agreement.Status) : null;
    }

    internal static Microsoft.AspNetCore.Http.IResult AlreadyDecided() => Problems.Conflict("funding.report_already_decided",
        "该进展报告已核定或退回", "The progress report has already been verified or returned");
}
