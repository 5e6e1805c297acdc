using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Funding.Features.Agreements.RecordProcurement;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Procurement>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/procurements");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Issuer);
        Description(b => b.Api("Agreements_RecordProcurement", "Funding",
                "登记发榜企业的采购合同（纳入供应链） / Record the issuer's procurement of the result",
                "Only after acceptance passed (409 funding.not_accepted); the issuer records its own, the task force any.")
            .Body<Request>().Ok<Procurement>(201).Problems(400, 401, 403, 404, 409).Codes(409, "funding.not_accepted"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var agreement = await AgreementStore.GetAsync(w.Connection, id, w.Transaction);
            Write.Require(agreement is not null
                && (w.Caller.IsTaskForce || (w.Caller.IsIssuer && w.Caller.BelongsTo(agreement.IssuerOrganisationId))), Problems.NotFound("agreement"));
            Write.Require(AgreementLifecycle.Allows(agreement!.Status, AgreementStep.RecordProcurement), Problems.Conflict("funding.not_accepted",
                $"协议当前为“{AgreementStatusNames.Chinese(agreement.Status)}”，验收通过后方可登记采购",
                $"The agreement is {AgreementStatusNames.English(agreement.Status)}; procurement is recorded after acceptance passed"));
            var procurementId = Guid.CreateVersion7();
            var product = req.Product.Trim();
            await w.ExecuteAsync(Data.Insert, new
            {
                Id = procurementId, AgreementId = id, ContractDate = AgreementStore.FormatDay(req.ContractDate), req.AmountFen, Product = product,
                RecordedBy = w.Caller.Name, w.Now,
            });
            await w.AuditAsync(AgreementStore.Module, "Agreement", id, "RecordProcurement",
                new { procurement = procurementId, req.AmountFen, product, contractDate = req.ContractDate });
            var procurement = new Procurement(procurementId, req.ContractDate, req.AmountFen, product, w.Caller.Name, w.Now);
            return new WriteAnswer(StatusCodes.Status201Created, procurement);
        }, ct));
    }
}
