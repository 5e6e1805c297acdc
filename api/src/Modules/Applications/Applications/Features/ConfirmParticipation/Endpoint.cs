using Dapper;
using FastEndpoints;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Idempotency;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Features.ConfirmParticipation;

internal sealed class Endpoint(IdempotentWrite write, DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ApplicationDetail>
{
    public override void Configure()
    {
        Post("/api/v1/applications/{id:guid}/confirmation");
        Roles(Platform.Auth.Roles.Applicant, Platform.Auth.Roles.District);
        Description(b => b.Api("Applications_ConfirmParticipation", "Applications",
                "联合单位确认参与联合申报（截止前）；支持 Idempotency-Key / A consortium member confirms its participation before the deadline; honours Idempotency-Key",
                "Called by the member's own applicant users, or by the district portal whose district covers the member's region " +
                "(it names the organisation). The confirmation records the role and budget share the member agrees to; it lapses when " +
                "the lead changes that member's role or share or removes it. Confirming again while the confirmation stands changes " +
                "nothing (200). 404 for callers who may not see the application; 409 application.not_a_member for the lead or a " +
                "non-member; 409 application.window_closed after the deadline.")
            .Body<Request>().IfMatch(required: false).Ok<ApplicationDetail>().Problems(400, 401, 403, 404, 409, 412, 422)
            .Codes(403, "district.out_of_scope").Codes(409, Consortium.NotAMember, "application.window_closed", "application.invalid_state")
            .Idempotent(), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var expected = Versioning.Parse(HttpContext.Request.Headers.IfMatch) ?? req.ExpectedVersion;
        var result = await write.RunAsync(HttpContext, caller, "Applications_ConfirmParticipation", new { id, req.OrganisationId, expected },
            async token =>
            {
                await using var read = await db.OpenAsync(token);
                var (refusal, _) = Consortium.Target(await ApplicationStore.LoadAsync(read, id), caller, req.OrganisationId, clock.GetUtcNow(), expected);
                return (refusal, 0);
            },
            async (connection, tx, _) =>
            {
                var now = clock.GetUtcNow();
                var row = await ApplicationStore.LoadAsync(connection, id, tx);
                var (refusal, member) = Consortium.Target(row, caller, req.OrganisationId, now, expected);
                if (refusal is not null)
                {
                    return WriteOutcome.Refuse(refusal);
                }
                if (member!.ConfirmedAt is null)
                {
                    if (await connection.ExecuteAsync(Data.Touch, new { Id = id, Now = now, row!.Version }, tx) == 0)
                    {
                        return WriteOutcome.Refuse(Problems.VersionMismatch());
                    }
                    await connection.ExecuteAsync(Data.DeleteStale, new { Id = id, member.OrganisationId }, tx);
                    await connection.ExecuteAsync(Data.Insert, new
                    {
                        Id = id, member.OrganisationId, Role = member.Role.ToString(), member.BudgetShareBp, Now = now,
                        ConfirmedBy = caller.Name, ConfirmedByDistrict = caller.IsDistrict ? caller.DistrictCode : null,
                    }, tx);
                    await audit.WriteAsync(connection, tx, caller, ApplicationStore.Module, ApplicationStore.Entity, id, "ConfirmParticipation",
                        new { organisation = member.OrganisationName, organisationId = member.OrganisationId, role = member.Role.ToString(), member.BudgetShareBp });
                }
                var detail = await ApplicationStore.DetailAsync(connection, (await ApplicationStore.LoadAsync(connection, id, tx))!, tx);
                return WriteOutcome.Done(StatusCodes.Status200OK, detail, detail.Version);
            }, ct);
        await Send.ResultAsync(result);
    }
}
