using System.Globalization;
using Dapper;
using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations.Views;
using Jiebang.Platform.Time;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Organisations.Features.SetCreditStanding;

internal sealed class Endpoint(WritePath writes, TimeProvider clock) : Endpoint<Request, Organisation>
{
    public override void Configure()
    {
        Put("/api/v1/organisations/{id:guid}/credit-standing");
        Roles(Auth.Roles.TaskForce);
        Description(b => b.Api("Organisations_SetCreditStanding", "Platform", "记录主体信用状况 / Record an organisation's credit standing")
            .Body<Request>().IfMatch(required: true).Ok<Organisation>().ETag().Problems(400, 401, 403, 404, 412, 428), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var today = Shanghai.Today(clock);
        var recordedOn = req.RecordedOn ?? today;
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), _ =>
        {
            Write.Require(recordedOn <= today,
                Problems.Validation("recordedOn", "记录日期不能晚于今天", "The recorded day cannot be in the future"));
            return Task.FromResult(recordedOn);
        }, async (w, _) =>
        {
            var row = Write.Found(await w.QuerySingleOrDefaultAsync<OrganisationStore.Row>(Data.SelectById, new { Id = id }), "organisation");
            w.Matches(row.Version);
            var source = string.IsNullOrWhiteSpace(req.Source) ? null : req.Source.Trim();
            var creditDate = recordedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Write.Changed(await w.ExecuteAsync(Data.Update, new
            {
                Id = id, row.Version, Standing = req.Standing.ToString(), Source = source, CreditDate = creditDate, w.Now,
            }));
            await w.AuditAsync(OrganisationAccess.Module, OrganisationAccess.Entity, id, "SetCreditStanding", new
            {
                before = new { standing = row.CreditStanding.ToString(), source = row.CreditSource, recordedOn = row.CreditDate },
                after = new { standing = req.Standing.ToString(), source, recordedOn = creditDate },
            });
            var updated = await w.Connection.QuerySingleAsync<OrganisationStore.Row>(Data.SelectById, new { Id = id }, w.Transaction);
            return Write.Ok(Organisation.From(updated, w.Caller), updated.Version);
        }, ct));
    }
}
