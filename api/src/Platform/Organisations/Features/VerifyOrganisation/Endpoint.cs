using Dapper;
using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations.Views;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Organisations.Features.VerifyOrganisation;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<Organisation>
{
    public override void Configure()
    {
        Post("/api/v1/organisations/{id:guid}/verify");
        Roles(Auth.Roles.TaskForce);
        Description(b => b.Api("Organisations_Verify", "Platform", "核实主体登记信息 / Mark an organisation's registered facts as verified",
                "The task force has checked the record against the licence as it stands; a record already verified is returned unchanged.")
            .IfMatch(required: true).Ok<Organisation>().ETag().Problems(401, 403, 404, 412, 428), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var row = Write.Found(await w.QuerySingleOrDefaultAsync<OrganisationStore.Row>(Data.SelectById, new { Id = id }), "organisation");
            w.Matches(row.Version);
            if (!row.Verified)
            {
                Write.Changed(await w.ExecuteAsync(Data.Verify, new { Id = id, row.Version, Verified = true, VerifiedBy = w.Caller.Name, w.Now }));
                await w.AuditAsync(OrganisationAccess.Module, OrganisationAccess.Entity, id, "Verify", new
                {
                    row.CreditCode, row.Name, type = row.Type.ToString(), row.RegionCode, row.IndependentLegalPerson, row.CommercialisationBase,
                });
                row = await w.Connection.QuerySingleAsync<OrganisationStore.Row>(Data.SelectById, new { Id = id }, w.Transaction);
            }
            return Write.Ok(Organisation.From(row, w.Caller), row.Version);
        }, ct));
    }
}
