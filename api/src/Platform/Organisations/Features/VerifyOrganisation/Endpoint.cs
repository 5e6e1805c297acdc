using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations.Features.Shared;

namespace Jiebang.Platform.Organisations.Features.VerifyOrganisation;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : EndpointWithoutRequest<Organisation>
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
        var caller = User.Caller();
        if (Versioning.Parse(HttpContext.Request.Headers.IfMatch) is not { } version)
        {
            await Send.ResultAsync(Problems.IfMatchRequired());
            return;
        }
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var row = await connection.QuerySingleOrDefaultAsync<OrganisationStore.Row>(Data.SelectById, new { Id = id }, tx);
            if (row is null)
            {
                await Send.ResultAsync(Problems.NotFound("organisation"));
                return;
            }
            if (row.Version != version)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            if (!row.Verified)
            {
                var changed = await connection.ExecuteAsync(Data.Verify, new
                {
                    Id = id, Version = version, Verified = true, VerifiedBy = caller.Name, Now = clock.GetUtcNow(),
                }, tx);
                if (changed == 0)
                {
                    await Send.ResultAsync(Problems.VersionMismatch());
                    return;
                }
                await audit.WriteAsync(connection, tx, caller, OrganisationAccess.Module, OrganisationAccess.Entity, id, "Verify", new
                {
                    row.CreditCode, row.Name, type = row.Type.ToString(), row.RegionCode, row.IndependentLegalPerson, row.CommercialisationBase,
                });
                row = await connection.QuerySingleAsync<OrganisationStore.Row>(Data.SelectById, new { Id = id }, tx);
            }
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
            await Send.OkAsync(Organisation.From(row, caller), ct);
        }
    }
}
