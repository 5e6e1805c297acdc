using Dapper;
using FastEndpoints;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.ConfirmAgreement;

/// <summary>
/// The issuer countersigns the agreement the task force recorded (发榜企业确认协议): both parties record it, and no
/// tranche is paid before the issuer has confirmed the terms, its own investment included.
/// </summary>
internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : EndpointWithoutRequest<AgreementDetail>
{
    private const string Confirm = """
        UPDATE funding_agreement SET issuer_confirmed_by = @By, issuer_confirmed_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND issuer_confirmed_at IS NULL
        """;

    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/issuer-confirmation");
        Roles(Platform.Auth.Roles.Issuer);
        Description(b => b.Api("Agreements_ConfirmByIssuer", "Funding",
                "发榜企业确认（会签）协议 / The issuer countersigns the recorded agreement",
                "Only a user of the agreement's issuer (others get 404); once (409 funding.already_confirmed) and while the agreement is active. Tranches are paid only after it.")
            .Ok<AgreementDetail>().ETag().Problems(401, 403, 404, 409).Codes(409, "funding.already_confirmed", "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var agreement = await FundingStore.AgreementAsync(connection, id, tx);
            if (agreement is null || !caller.BelongsTo(agreement.IssuerOrganisationId))
            {
                await Send.ResultAsync(Problems.NotFound("agreement"));
                return;
            }
            if (agreement.Status != AgreementStatus.Active)
            {
                await Send.ResultAsync(SubmitProgressReport.Endpoint.NotActive(agreement.Status));
                return;
            }
            var now = clock.GetUtcNow();
            if (agreement.IssuerConfirmedAt is not null || await connection.ExecuteAsync(Confirm, new { Id = id, By = caller.Name, Now = now }, tx) == 0)
            {
                await Send.ResultAsync(Problems.Conflict("funding.already_confirmed",
                    "发榜企业已确认该协议", "The issuer has already confirmed this agreement"));
                return;
            }
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "Agreement", id, "ConfirmByIssuer",
                new { issuer = agreement.IssuerOrganisationId, agreement.IssuerInvestmentFen, agreement.CommitmentFen });
            var detail = await FundingStore.DetailAsync(connection, (await FundingStore.AgreementAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(detail.Version);
            await Send.OkAsync(detail, ct);
        }
    }
}
