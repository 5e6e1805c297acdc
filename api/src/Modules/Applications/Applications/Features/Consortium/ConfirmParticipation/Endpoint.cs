using FastEndpoints;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Applications.Features.Consortium.ConfirmParticipation;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ApplicationDetail>
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
            .Codes(403, "district.out_of_scope").Codes(409, ConsortiumRules.NotAMember, "application.window_closed", "application.invalid_state")
            .Idempotent(), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var expected = Versioning.Parse(HttpContext.Request.Headers.IfMatch) ?? req.ExpectedVersion;
        await Send.ResultAsync(await writes.RunAsync(HttpContext,
            WriteOptions.Idempotent("Applications_ConfirmParticipation", new { id, req.OrganisationId, expected }),
            async w =>
            {
                var row = await ApplicationStore.LoadAsync(w.Connection, id, w.Transaction);
                var member = ConsortiumRules.Member(row, caller, req.OrganisationId, w.Now, expected);
                if (member.ConfirmedAt is null)
                {
                    Write.Changed(await w.ExecuteAsync(Data.Touch, new { Id = id, w.Now, row!.Version }));
                    await w.ExecuteAsync(ApplicationStore.DeleteConfirmation, new { Id = id, member.OrganisationId });
                    await w.ExecuteAsync(Data.Insert, new
                    {
                        Id = id, member.OrganisationId, Role = member.Role.ToString(), member.BudgetShareBp, w.Now,
                        ConfirmedBy = caller.Name, ConfirmedByDistrict = caller.IsDistrict ? caller.DistrictCode : null,
                    });
                    await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, "ConfirmParticipation", new
                    {
                        organisation = member.OrganisationName, organisationId = member.OrganisationId, role = member.Role.ToString(),
                        member.BudgetShareBp,
                    });
                }
                var (_, detail) = await ApplicationStore.CurrentAsync(w, id);
                return Write.Ok(detail, detail.Version);
            }, ct));
    }
}
