using Dapper;
using FastEndpoints;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.SubmitProgressReport;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ProgressReport>
{
    private const string Insert = """
        INSERT INTO funding_progress_report (id, agreement_id, milestone_index, claimed_issuer_fen, claimed_applicant_fen, note, status,
            submitted_by, submitted_at, version)
        VALUES (@Id, @AgreementId, @MilestoneIndex, @IssuerInvestmentFen, @ApplicantInvestmentFen, @Note, @Status, @SubmittedBy, @Now, 1)
        """;

    private const string MilestoneCount = "SELECT COUNT(*) FROM funding_milestone WHERE agreement_id = @Id";

    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/progress-reports");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant);
        Description(b => b.Api("Agreements_SubmitProgressReport", "Funding",
                "提交里程碑进展报告（实际投入） / Report actual investment at a milestone",
                "The issuer, the lead applicant or the task force reports; the task force then verifies or returns it.")
            .Body<Request>().Ok<ProgressReport>(201).Location().Problems(400, 401, 403, 404, 409).Codes(409, "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var now = clock.GetUtcNow();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var agreement = await FundingStore.AgreementAsync(connection, id, tx);
            if (agreement is null || !(caller.IsTaskForce || caller.BelongsTo(agreement.IssuerOrganisationId)
                                       || (caller.IsApplicant && caller.BelongsTo(agreement.LeadOrganisationId))))
            {
                await Send.ResultAsync(Problems.NotFound("agreement"));
                return;
            }
            if (agreement.Status != AgreementStatus.Active)
            {
                await Send.ResultAsync(NotActive(agreement.Status));
                return;
            }
            if (req.MilestoneIndex >= await connection.ExecuteScalarAsync<long>(MilestoneCount, new { Id = id }, tx))
            {
                await Send.ResultAsync(Problems.Validation("milestoneIndex", "协议中没有该里程碑", "The agreement has no such milestone"));
                return;
            }
            var reportId = Guid.CreateVersion7();
            await connection.ExecuteAsync(Insert, new
            {
                Id = reportId, AgreementId = id, req.MilestoneIndex, req.IssuerInvestmentFen, req.ApplicantInvestmentFen, req.Note,
                Status = nameof(ProgressReportStatus.Submitted), SubmittedBy = caller.Name, Now = now,
            }, tx);
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "ProgressReport", reportId, "Submit", new
            {
                agreement = id, req.MilestoneIndex, req.IssuerInvestmentFen, req.ApplicantInvestmentFen,
            });
            var saved = (await ProgressStore.LoadAsync(connection, reportId, tx))!;
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.Location = $"/api/v1/agreements/{id}";
            await Send.ResponseAsync(saved.ToModel([]), 201, ct);
        }
    }

    internal static Microsoft.AspNetCore.Http.IResult NotActive(AgreementStatus status) => Problems.Conflict("funding.agreement_not_active",
        $"协议当前状态为 {status}，不能再办理", $"The agreement is {status}; nothing more can be done on it");
}
