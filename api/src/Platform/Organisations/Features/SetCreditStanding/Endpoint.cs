using System.Globalization;
using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations.Features.Shared;
using Jiebang.Platform.Time;

namespace Jiebang.Platform.Organisations.Features.SetCreditStanding;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Organisation>
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
        var caller = User.Caller();
        if (Versioning.Parse(HttpContext.Request.Headers.IfMatch) is not { } version)
        {
            await Send.ResultAsync(Problems.IfMatchRequired());
            return;
        }
        var today = Shanghai.Today(clock);
        var recordedOn = req.RecordedOn ?? today;
        if (recordedOn > today)
        {
            await Send.ResultAsync(Problems.Validation("recordedOn", "记录日期不能晚于今天", "The recorded day cannot be in the future"));
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
            var source = string.IsNullOrWhiteSpace(req.Source) ? null : req.Source.Trim();
            var creditDate = recordedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var changed = await connection.ExecuteAsync(Data.Update, new
            {
                Id = id, Version = version, Standing = req.Standing.ToString(), Source = source, CreditDate = creditDate,
                Now = clock.GetUtcNow(),
            }, tx);
            if (changed == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await audit.WriteAsync(connection, tx, caller, OrganisationAccess.Module, OrganisationAccess.Entity, id, "SetCreditStanding", new
            {
                before = new { standing = row.CreditStanding.ToString(), source = row.CreditSource, recordedOn = row.CreditDate },
                after = new { standing = req.Standing.ToString(), source, recordedOn = creditDate },
            });
            var updated = await connection.QuerySingleAsync<OrganisationStore.Row>(Data.SelectById, new { Id = id }, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(updated.Version);
            await Send.OkAsync(Organisation.From(updated, caller), ct);
        }
    }
}
