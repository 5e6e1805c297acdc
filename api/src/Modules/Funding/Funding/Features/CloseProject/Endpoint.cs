using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.CloseProject;

/// <summary>Closing an accepted project; without a recorded procurement it needs a waiver reason.</summary>
internal sealed class Request
{
    /// <summary>Why procurement is waived; required when no procurement has been recorded.</summary>
    public string? WaiverReason { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.WaiverReason).MaximumLength(2000);
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, AgreementDetail>
{
    private const string Close = """
        UPDATE funding_agreement SET status = @Closed, procurement_waiver = @Waiver, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = @Completed
        """;

    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/close");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_Close", "Funding",
                "结项：须已登记采购或说明豁免理由 / Close an accepted project: procurement recorded or waived with a reason",
                "Refused with 409 funding.procurement_missing when nothing was procured and no waiver reason is given.")
            .Body<Request>().Ok<AgreementDetail>().Problems(400, 401, 403, 404, 409).Codes(409, "funding.not_accepted", "funding.procurement_missing"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var agreement = await FundingStore.AgreementAsync(connection, id, tx);
            if (agreement is null)
            {
                await Send.ResultAsync(Problems.NotFound("agreement"));
                return;
            }
            if (agreement.Status != AgreementStatus.Completed)
            {
                await Send.ResultAsync(Problems.Conflict("funding.not_accepted",
                    $"协议当前状态为 {agreement.Status}，验收通过后方可结项", $"The agreement is {agreement.Status}; only an accepted project can be closed"));
                return;
            }
            var procured = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM funding_procurement WHERE agreement_id = @Id", new { Id = id }, tx);
            var waiver = string.IsNullOrWhiteSpace(req.WaiverReason) ? null : req.WaiverReason.Trim();
            if (procured == 0 && waiver is null)
            {
                await Send.ResultAsync(Problems.Conflict("funding.procurement_missing",
                    "尚未登记采购，结项须说明豁免理由", "No procurement is recorded; closing needs a waiver reason"));
                return;
            }
            var now = clock.GetUtcNow();
            if (await connection.ExecuteAsync(Close, new
                {
                    Id = id, Closed = nameof(AgreementStatus.Closed), Completed = nameof(AgreementStatus.Completed), Waiver = waiver, Now = now,
                }, tx) == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "Agreement", id, "Close", new { procurements = procured, waiver });
            var detail = await FundingStore.DetailAsync(connection, (await FundingStore.AgreementAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            await Send.OkAsync(detail, ct);
        }
    }
}
