using FastEndpoints;
using Jiebang.Funding.Contracts;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Funding.Features.Agreements.ConfirmAgreement;

/// <summary>
/// The issuer countersigns the agreement the task force recorded (发榜企业确认协议): both parties record it, and no
/// tranche is paid before the issuer has confirmed the terms, its own investment included.
/// </summary>
internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<AgreementDetail>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/issuer-confirmation");
        Roles(Platform.Auth.Roles.Issuer);
        Description(b => b.Api("Agreements_ConfirmByIssuer", "Funding",
                "发榜企业确认（会签）协议 / The issuer countersigns the recorded agreement",
                "Only a user of the agreement's issuer (others get 404); once (409 funding.already_confirmed) and while the agreement is active. Tranches " +
                "are paid only after it.")
            .Ok<AgreementDetail>().ETag().Problems(401, 403, 404, 409)
            .Codes(409, "funding.already_confirmed", "funding.agreement_not_active"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var agreement = await AgreementStore.GetAsync(w.Connection, id, w.Transaction);
            Write.Require(agreement is not null && w.Caller.BelongsTo(agreement.IssuerOrganisationId), Problems.NotFound("agreement"));
            Write.Require(AgreementLifecycle.Allows(agreement!.Status, AgreementStep.ConfirmByIssuer), AgreementLifecycle.NotActive(agreement.Status));
            Write.Require(agreement.IssuerConfirmedAt is null && await w.ExecuteAsync(Data.Confirm, new { Id = id, By = w.Caller.Name, w.Now }) > 0,
                Problems.Conflict("funding.already_confirmed", "发榜企业已确认该协议", "The issuer has already confirmed this agreement"));
            await w.AuditAsync(AgreementStore.Module, "Agreement", id, "ConfirmByIssuer",
                new { issuer = agreement.IssuerOrganisationId, agreement.IssuerInvestmentFen, agreement.CommitmentFen });
            await w.PublishAsync(new AgreementConfirmed(id, agreement.ChallengeId, agreement.IssuerOrganisationId, agreement.LeadOrganisationId, w.Now));
            var detail = await AgreementDetail.ReloadAsync(w, id);
            return Write.Ok(detail, detail.Version);
        }, ct));
    }
}
