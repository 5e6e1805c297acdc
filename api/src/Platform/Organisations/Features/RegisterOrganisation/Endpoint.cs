using System.Data.Common;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations.Views;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Organisations.Features.RegisterOrganisation;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Organisation>
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
            .Body<Request>().Ok<Organisation>(201).ETag().Location().Ok<Organisation>().ETag().Problems(400, 401, 403, 409)
            .Codes(403, "district.out_of_scope")
            .Codes(409, "organisation.already_registered")
            .Example(new
            {
                creditCode = "91110108MA0000001" + CreditCode.CheckCharacter("91110108MA0000001"), name = "示例科技有限公司", type = "Enterprise",
                regionCode = "110108", independentLegalPerson = true, commercialisationBase = (string?)null,
            }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        IResult answer;
        try
        {
            answer = await RegisterAsync(req, ct);
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent registration of the same code committed first: registering again finds its row and answers with it.
            answer = await RegisterAsync(req, ct);
        }
        await Send.ResultAsync(answer);
    }

    private Task<IResult> RegisterAsync(Request req, CancellationToken ct) => writes.RunAsync(HttpContext, WriteOptions.Plain, _ =>
    {
        // Scope comes from the request alone, before anything is looked up, so the answer never tells whether a unit
        // exists. The validator has already placed the stated region inside the credit code's authority division, so a
        // county-level code is in scope exactly when its authority is inside the district, and a higher-level one when the
        // region it states is.
        var caller = User.Caller();
        Write.Require(!caller.IsDistrict || caller.CoversRegion(req.RegionCode), OutOfScope(caller));
        return Task.FromResult(caller);
    }, async (w, caller) =>
    {
        var existing = await w.QuerySingleOrDefaultAsync<OrganisationStore.Row>(Data.SelectByCode, new { req.CreditCode });
        if (existing is not null)
        {
            // Nothing of the stored record is told: a caller who may not open it learns no more than that the code is taken.
            Write.Require(SameFacts(existing, req), Problems.Conflict("organisation.already_registered",
                "该统一社会信用代码已登记，且登记信息与本次提交不同；如需更正，请联系工作专班",
                "This credit code is already registered with different facts; ask the task force to correct the record"));
            return Write.Ok(Organisation.From(existing, caller), existing.Version);
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
        await OrganisationStore.InsertAsync(w.Connection, w.Transaction, row, w.Now);
        await w.AuditAsync(OrganisationAccess.Module, OrganisationAccess.Entity, row.Id, "Register", new
        {
            row.CreditCode, row.Name, type = row.Type.ToString(), row.RegionCode, row.IndependentLegalPerson,
        });
        return Write.Created(Organisation.From(row, caller), $"/api/v1/organisations/{row.Id}", row.Version);
    }, ct);

    private static string? Normalised(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Whether a registration states exactly what the registry holds (then it is answered with the record).</summary>
    private static bool SameFacts(OrganisationStore.Row row, Request req) =>
        row.Name == req.Name.Trim() && row.Type == req.Type && row.RegionCode == req.RegionCode
        && row.IndependentLegalPerson == req.IndependentLegalPerson && row.CommercialisationBase == Normalised(req.CommercialisationBase);

    private static IResult OutOfScope(Caller caller) => Problems.Of(StatusCodes.Status403Forbidden, "district.out_of_scope",
        "Outside the district",
        $"该单位不在本区（{caller.DistrictCode}）范围内，区级门户只能登记本区单位。 / " +
        $"The unit is not registered inside this district ({caller.DistrictCode}); a district key registers only local units.");
}
