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
                "One record per credit code: 201 with Location when created; 200 with the existing record when the code is already " +
                "registered with the same facts; 409 organisation.already_registered when it is registered with different facts " +
                "(the task force corrects records). The stated region must lie inside the division of the registration authority " +
                "named by characters 3 to 8 of the credit code (400 otherwise). A district key registers only units whose stated " +
                "region lies inside its district (403 district.out_of_scope, decided from the request alone).")
            .Body<Request>().Ok<Organisation>(201).ETag().Location().Ok<Organisation>().ETag().Problems(400, 401, 403, 409).Codes(403, "district.out_of_scope")
            .Codes(409, "organisation.already_registered")
            .Example(new
            {
                creditCode = "91110108MA0000001" + CreditCode.CheckCharacter("91110108MA0000001"), name = "示例科技有限公司", type = "Enterprise", regionCode = "110108",
                independentLegalPerson = true, commercialisationBase = (string?)null,
            }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        // Scope comes from the request alone, before anything is looked up, so the answer never tells whether a unit
        // exists. The validator has already placed the stated region inside the credit code's authority division, so a
        // county-level code is in scope exactly when its authority is inside the district, and a higher-level one when the
        // region it states is.
        if (caller.IsDistrict && !caller.CoversRegion(req.RegionCode))
        {
            await Send.ResultAsync(OutOfScope(caller));
            return;
        }
        var (row, created) = await RegisterAsync(req, caller, ct);
        if (!created && !SameFacts(row, req))
        {
            // Nothing of the stored record is told: a caller who may not open it learns no more than that the code is taken.
            await Send.ResultAsync(Problems.Conflict("organisation.already_registered",
                "该统一社会信用代码已登记，且登记信息与本次提交不同；如需更正，请联系工作专班",
                "This credit code is already registered with different facts; ask the task force to correct the record"));
            return;
        }
        HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
        if (created)
        {
            HttpContext.Response.Headers.Location = $"/api/v1/organisations/{row.Id}";
        }
        await Send.ResponseAsync(Organisation.From(row, caller), created ? 201 : 200, ct);
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
                    CommercialisationBase = Normalised(req.CommercialisationBase),
                    IsDemo = false,
                    Version = 1,
                    RegisteredByKind = caller.IsDistrict ? OrganisationAccess.RegisteredByDistrictKey : OrganisationAccess.RegisteredByUser,
                    RegisteredById = caller.UserId,
                    RegisteredByName = caller.Name,
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

    private static string? Normalised(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Whether a registration states exactly what the registry holds (then it is answered with the record).</summary>
    private static bool SameFacts(OrganisationStore.Row row, Request req) =>
        row.Name == req.Name.Trim() && row.Type == req.Type && row.RegionCode == req.RegionCode
        && row.IndependentLegalPerson == req.IndependentLegalPerson && row.CommercialisationBase == Normalised(req.CommercialisationBase);

    private static Task<OrganisationStore.Row?> FindAsync(DbConnection connection, DbTransaction? tx, string creditCode) =>
        connection.QuerySingleOrDefaultAsync<OrganisationStore.Row>(Data.SelectByCode, new { CreditCode = creditCode }, tx);

    private static IResult OutOfScope(Caller caller) => Problems.Of(StatusCodes.Status403Forbidden, "district.out_of_scope",
        "Outside the district",
        $"该单位不在本区（{caller.DistrictCode}）范围内，区级门户只能登记本区单位。 / " +
        $"The unit is not registered inside this district ({caller.DistrictCode}); a district key registers only local units.");
}
