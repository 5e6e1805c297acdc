using System.Data.Common;
using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations.Features.Shared;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Organisations.Features.RegisterOrganisation;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Organisation>
{
    public override void Configure()
    {
        Post("/api/v1/organisations");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Applicant, Auth.Roles.Issuer, Auth.Roles.District);
        Description(b => b.Api("Organisations_Register", "Platform", "登记主体 / Register an organisation in the registry",
                "One record per credit code: 201 with Location when created, 200 with the existing record (unchanged) when the code " +
                "is already registered. A district key registers only units inside its district.")
            .Body<Request>().Ok<Organisation>(201).ETag().Location().Ok<Organisation>().ETag().Location().Problems(400, 401, 403).Codes(403, "district.out_of_scope")
            .Example(new
            {
                creditCode = "91110108MA01ABCDEN", name = "示例科技有限公司", type = "Enterprise", regionCode = "110108",
                independentLegalPerson = true, commercialisationBase = (string?)null,
            }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        if (caller.IsDistrict && !caller.CoversRegion(req.RegionCode))
        {
            await Send.ResultAsync(OutOfScope(caller));
            return;
        }
        var (row, created) = await RegisterAsync(req, caller, ct);
        if (!created && caller.IsDistrict && !caller.CoversRegion(row.RegionCode))
        {
            await Send.ResultAsync(OutOfScope(caller));
            return;
        }
        HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
        if (created)
        {
            HttpContext.Response.Headers.Location = $"/api/v1/organisations/{row.Id}";
        }
        await Send.ResponseAsync(Organisation.From(row), created ? 201 : 200, ct);
    }

    private async Task<(OrganisationStore.Row Row, bool Created)> RegisterAsync(Request req, Caller caller, CancellationToken ct)
    {
        try
        {
            var (connection, tx) = await db.BeginAsync(ct);
            await using (connection)
            await using (tx)
            {
                var existing = await FindAsync(connection, tx, req.CreditCode);
                if (existing is not null)
                {
                    return (existing, false);
                }
                var row = new OrganisationStore.Row
                {
                    Id = Guid.CreateVersion7(),
                    CreditCode = req.CreditCode,
                    Name = req.Name.Trim(),
                    Type = req.Type,
                    RegionCode = req.RegionCode,
                    IndependentLegalPerson = req.IndependentLegalPerson,
                    CreditStanding = CreditStanding.Good,
                    CommercialisationBase = string.IsNullOrWhiteSpace(req.CommercialisationBase) ? null : req.CommercialisationBase.Trim(),
                    IsDemo = false,
                    Version = 1,
                };
                await OrganisationStore.InsertAsync(connection, tx, row, clock.GetUtcNow());
                await audit.WriteAsync(connection, tx, caller, OrganisationAccess.Module, OrganisationAccess.Entity, row.Id, "Register", new
                {
                    row.CreditCode, row.Name, type = row.Type.ToString(), row.RegionCode, row.IndependentLegalPerson,
                });
                await tx.CommitAsync(ct);
                return (row, true);
            }
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent registration of the same code committed first; its row is the answer.
        }
        await using var reader = await db.OpenAsync(ct);
        return (await FindAsync(reader, null, req.CreditCode)
                ?? throw new InvalidOperationException("Unique violation on credit code, but no row carries it."), false);
    }

    private static Task<OrganisationStore.Row?> FindAsync(DbConnection connection, DbTransaction? tx, string creditCode) =>
        connection.QuerySingleOrDefaultAsync<OrganisationStore.Row>(Data.SelectByCode, new { CreditCode = creditCode }, tx);

    private static IResult OutOfScope(Caller caller) => Problems.Of(StatusCodes.Status403Forbidden, "district.out_of_scope",
        "Outside the district",
        $"该单位不在本区（{caller.DistrictCode}）范围内，区级门户只能登记本区单位。 / " +
        $"The unit is not registered inside this district ({caller.DistrictCode}); a district key registers only local units.");
}
