using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Funding.Features.Agreements.CloseProject;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, AgreementDetail>
{
    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/close");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Agreements_Close", "Funding",
                "结项：须已登记采购或说明豁免理由 / Close an accepted project: procurement recorded or waived with a reason",
                "Refused with 409 funding.procurement_missing when nothing was procured and no waiver reason is given.")
            .Body<Request>().Ok<AgreementDetail>().Problems(400, 401, 403, 404, 409)
            .Codes(409, "funding.not_accepted", "funding.procurement_missing"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var agreement = Write.Found(await AgreementStore.GetAsync(w.Connection, id, w.Transaction), "agreement");
            if (!AgreementLifecycle.TryMove(agreement.Status, AgreementStep.Close, out var to))
            {
                throw Write.Refuse(Problems.Conflict("funding.not_accepted",
                    $"协议当前为“{AgreementStatusNames.Chinese(agreement.Status)}”，验收通过后方可结项",
                        $"The agreement is {AgreementStatusNames.English(agreement.Status)}; only an accepted project can be closed"));
            }
            var procured = await w.ExecuteScalarAsync<long>(Data.Procured, new { Id = id });
            var waiver = string.IsNullOrWhiteSpace(req.WaiverReason) ? null : req.WaiverReason.Trim();
            Write.Require(procured > 0 || waiver is not null, Problems.Conflict("funding.procurement_missing",
                "尚未登记采购，结项须说明豁免理由", "No procurement is recorded; closing needs a waiver reason"));
            Write.Changed(await w.ExecuteAsync(Data.Close, new
            {
                Id = id, From = agreement.Status.ToString(), To = to.ToString(), Waiver = waiver, w.Now,
            }));
            await w.AuditAsync(AgreementStore.Module, "Agreement", id, "Close", new { procurements = procured, waiver });
            return Write.Ok(await AgreementDetail.ReloadAsync(w, id));
        }, ct));
    }
}
