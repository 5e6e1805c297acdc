using System.Globalization;
using Dapper;
using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations.Views;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Organisations.Features.CorrectOrganisation;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Organisation>
{
    public override void Configure()
    {
        Put("/api/v1/organisations/{id:guid}");
        Roles(Auth.Roles.TaskForce);
        Description(b => b.Api("Organisations_Correct", "Platform", "更正主体登记信息 / Correct an organisation's registered facts",
                "The task force corrects name, type, region, legal-person status and 成果转化基地 with a reason; the credit code " +
                "never changes. The record becomes verified. Audited, and an organisation.corrected event in the change feed.")
            .Body<Request>().IfMatch(required: true).Ok<Organisation>().ETag().Problems(400, 401, 403, 404, 412, 428), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var row = Write.Found(await w.QuerySingleOrDefaultAsync<OrganisationStore.Row>(Data.SelectById, new { Id = id }), "organisation");
            w.Matches(row.Version);
            // The credit code stays, so the region must still lie inside the division of its registration authority.
            Write.Require(Regions.IsWithin(req.RegionCode, row.AuthorityRegion), Problems.Validation("regionCode",
                $"注册地“{req.RegionCode}”不在统一社会信用代码第3至8位所示登记管理机关（{row.AuthorityRegion}）的辖区内",
                $"The registered region {req.RegionCode} is not inside the division of the registration authority ({row.AuthorityRegion}) " +
                "named by the credit code"));
            var name = req.Name.Trim();
            var commercialisationBase = string.IsNullOrWhiteSpace(req.CommercialisationBase) ? null : req.CommercialisationBase.Trim();
            var reason = req.Reason.Trim();
            Write.Changed(await w.ExecuteAsync(Data.Update, new
            {
                Id = id, row.Version, Name = name, Type = req.Type.ToString(), req.RegionCode, req.IndependentLegalPerson,
                CommercialisationBase = commercialisationBase, Verified = true, VerifiedBy = w.Caller.Name, w.Now,
            }));
            await w.AuditAsync(OrganisationAccess.Module, OrganisationAccess.Entity, id, "Correct", new
            {
                reason,
                before = new
                {
                    row.Name, type = row.Type.ToString(), row.RegionCode, row.IndependentLegalPerson, row.CommercialisationBase, row.Verified,
                },
                after = new { name, type = req.Type.ToString(), req.RegionCode, req.IndependentLegalPerson, commercialisationBase, verified = true },
            });
            // Not public: the organisation itself (its users, the district keys covering its region), the task force and
            // auditors see that its record was corrected.
            await w.FeedAsync(new FeedEvent(FeedTypes.OrganisationCorrected, "organisation", id, FeedAudience.OfOrganisation(id),
                new Dictionary<string, string>
                {
                    ["creditCode"] = row.CreditCode,
                    ["version"] = (row.Version + 1).ToString(CultureInfo.InvariantCulture),
                }));
            var updated = await w.Connection.QuerySingleAsync<OrganisationStore.Row>(Data.SelectById, new { Id = id }, w.Transaction);
            return Write.Ok(Organisation.From(updated, w.Caller), updated.Version);
        }, ct));
    }
}
