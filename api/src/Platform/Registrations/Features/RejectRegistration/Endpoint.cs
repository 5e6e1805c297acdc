using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Registrations.Data;
using Jiebang.Platform.Registrations.Domain;
using Jiebang.Platform.Registrations.Views;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Registrations.Features.RejectRegistration;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, RegistrationDetail>
{
    public override void Configure()
    {
        Post("/api/v1/registrations/{id:guid}/reject");
        Roles(Auth.Roles.TaskForce);
        Description(b => b.Api("Registrations_Reject", "Platform", "驳回单位注册 / Reject a unit's registration",
                "The reason is shown to the unit with its status; the unit may then register the same credit code again. " +
                "409 `registration.not_pending` once decided.")
            .Body<Request>().IfMatch(required: true).Ok<RegistrationDetail>().ETag().Problems(400, 401, 403, 404, 409, 412, 428)
            .Codes(409, "registration.not_pending")
            .Example(new { reason = "营业执照图片不清晰，请重新上传 / The licence is not legible; please upload it again" }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var row = Write.Found(await w.QuerySingleOrDefaultAsync<RegistrationStore.Row>(RegistrationStore.SelectById, new { Id = id }), "registration");
            w.Matches(row.Version);
            Write.Require(row.Status == RegistrationStatus.Pending, Problems.Conflict("registration.not_pending",
                $"该注册已{(row.Status == RegistrationStatus.Approved ? "通过" : "驳回")}，不能再审核",
                $"This registration has already been {(row.Status == RegistrationStatus.Approved ? "approved" : "rejected")}"));
            var reason = req.Reason.Trim();
            Write.Changed(await w.ExecuteAsync(Data.Reject, new
            {
                Id = id, row.Version, Status = nameof(RegistrationStatus.Rejected), Reason = reason, ReviewedBy = w.Caller.Name, w.Now,
            }));
            // The code is free again: the unit may register anew.
            await w.ExecuteAsync(RegistrationStore.DeleteClaim, new { row.CreditCode, RegistrationId = id });
            await w.AuditAsync(RegistrationStore.Module, RegistrationStore.Entity, id, "Reject", new { row.CreditCode, row.Name, reason });
            var detail = await RegistrationReads.DetailAsync(w.Connection, w.Transaction, id);
            return Write.Ok(detail!, detail!.Version);
        }, ct));
    }
}
