using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Registrations.Data;
using Jiebang.Platform.Registrations.Domain;
using Jiebang.Platform.Registrations.Views;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Registrations.Features.ApproveRegistration;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<RegistrationDetail>
{
    private static readonly Microsoft.AspNetCore.Http.IResult UserNameTaken = Problems.Conflict("registration.user_name_taken",
        "管理员用户名已被其他账号使用，无法通过；请驳回并请该单位换一个用户名重新注册",
        "The administrator's user name is taken by another account; reject the registration so the unit registers again with another");

    public override void Configure()
    {
        Post("/api/v1/registrations/{id:guid}/approve");
        Roles(Auth.Roles.TaskForce);
        Description(b => b.Api("Registrations_Approve", "Platform", "通过单位注册 / Approve a unit's registration",
                "Links the registry's record of the credit code (e.g. one registered by a district portal: not duplicated) or creates " +
                "it, and marks it verified; creates the unit administrator (role Applicant, unit administrator, must change the " +
                "password at first sign-in, the password chosen at registration). 409 `registration.not_pending` once decided, " +
                "409 `registration.user_name_taken` when an account with the administrator's user name exists.")
            .IfMatch(required: true).Ok<RegistrationDetail>().ETag().Problems(401, 403, 404, 409, 412, 428)
            .Codes(409, "registration.not_pending", "registration.user_name_taken"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required) with { OnUniqueViolation = UserNameTaken },
            async w =>
            {
                var row = Write.Found(await w.QuerySingleOrDefaultAsync<RegistrationStore.Row>(RegistrationStore.SelectById, new { Id = id }), "registration");
                w.Matches(row.Version);
                Write.Require(row.Status == RegistrationStatus.Pending, NotPending(row.Status));
                Write.Require(await w.ExecuteScalarAsync<int>(RegistrationStore.CountUsersNamed, new { UserName = row.AdminUserName }) == 0, UserNameTaken);

                var userId = Guid.CreateVersion7();
                var organisationId = await LinkOrCreateAsync(w, row, userId);
                await w.ExecuteAsync(Data.InsertUser, new
                {
                    Id = userId, UserName = row.AdminUserName, DisplayName = row.AdminDisplayName, PasswordHash = row.AdminPasswordHash,
                    Role = Auth.Roles.Applicant, OrganisationId = organisationId, Active = true, row.IsDemo, w.Now, Email = row.AdminEmail,
                    Mobile = row.AdminMobile, OrgAdmin = true, MustChangePassword = true, SecurityStamp = Guid.NewGuid().ToString(),
                });
                await w.AuditAsync(RegistrationStore.Module, "User", userId, "Create", new
                {
                    userName = row.AdminUserName, displayName = row.AdminDisplayName, role = Auth.Roles.Applicant, organisationId, orgAdmin = true,
                    registration = row.Id,
                });
                Write.Changed(await w.ExecuteAsync(Data.Approve, new
                {
                    Id = id, row.Version, Status = nameof(RegistrationStatus.Approved), ReviewedBy = w.Caller.Name, w.Now,
                    OrganisationId = organisationId, UserId = userId,
                }));
                await w.AuditAsync(RegistrationStore.Module, RegistrationStore.Entity, id, "Approve", new
                {
                    row.CreditCode, row.Name, organisationId, userId, userName = row.AdminUserName,
                });
                var detail = await RegistrationReads.DetailAsync(w.Connection, w.Transaction, id);
                return Write.Ok(detail!, detail!.Version);
            }, ct));
    }

    /// <summary>The registry's record of the code, marked verified, or a new verified record; its id.</summary>
    private static async Task<Guid> LinkOrCreateAsync(Write w, RegistrationStore.Row row, Guid userId)
    {
        var existing = await w.QuerySingleOrDefaultAsync<OrganisationStore.Row>(RegistrationStore.SelectOrganisationByCode, new { row.CreditCode });
        var verifiedBy = w.Caller.Name;
        if (existing is not null)
        {
            if (!existing.Verified)
            {
                Write.Changed(await w.ExecuteAsync(Data.VerifyOrganisation,
                    new { existing.Id, existing.Version, Verified = true, VerifiedBy = verifiedBy, w.Now }));
                await w.AuditAsync(OrganisationAccess.Module, OrganisationAccess.Entity, existing.Id, "Verify", new
                {
                    existing.CreditCode, existing.Name, type = existing.Type.ToString(), existing.RegionCode, registration = row.Id,
                });
            }
            return existing.Id;
        }
        var id = Guid.CreateVersion7();
        var region = CreditCode.RegionOf(row.CreditCode);
        await w.ExecuteAsync(Data.InsertOrganisation, new
        {
            Id = id, row.CreditCode, row.Name, Type = row.OrgType.ToString(), RegionCode = region, IndependentLegalPerson = true,
            CreditStanding = nameof(CreditStanding.Good), row.IsDemo, w.Now, RegisteredByKind = OrganisationAccess.RegisteredByUser,
            RegisteredById = userId, RegisteredByName = row.AdminUserName, Verified = true, VerifiedBy = verifiedBy,
        });
        await w.AuditAsync(OrganisationAccess.Module, OrganisationAccess.Entity, id, "Register", new
        {
            row.CreditCode, row.Name, type = row.OrgType.ToString(), regionCode = region, independentLegalPerson = true, registration = row.Id,
        });
        return id;
    }

    private static Microsoft.AspNetCore.Http.IResult NotPending(RegistrationStatus status) => Problems.Conflict("registration.not_pending",
        $"该注册已{(status == RegistrationStatus.Approved ? "通过" : "驳回")}，不能再审核",
        $"This registration has already been {(status == RegistrationStatus.Approved ? "approved" : "rejected")}");
}
