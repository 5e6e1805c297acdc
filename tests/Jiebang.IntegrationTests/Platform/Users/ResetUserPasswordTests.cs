using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Users;

public abstract partial class UsersTests
{
    [Fact]
    public async Task A_unit_administrator_resets_a_colleague_s_password_which_must_be_changed_and_changes_the_stamp()
    {
        var (admin, _, _) = await UnitAdministratorAsync(Host.Cast.ApplicantOrg);
        var colleague = await CreateAsync(NewUser("Applicant", Host.Cast.ApplicantOrg));
        var (id, userName) = ((string)colleague["id"]!, (string)colleague["userName"]!);
        var before = await AccountAsync(id);
        const string next = "Qiu-shui#Pian-88";

        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson($"{Url}/{id}/password", new { newPassword = next })
            .ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        var refused = await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson($"{Url}/{id}/password", new { newPassword = "short" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "password.too_short"));
        Assert.NotNull(refused["errors"]!["newPassword"]);
        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson($"{Url}/{id}/password", new { newPassword = userName + "-2026" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "password.contains_user_name"));
        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson($"{Url}/{id}/password", new { newPassword = "password1234" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "password.too_common"));
        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson($"{Url}/{id}/password", new { newPassword = new string('z', 201) + "-Ab1" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "password.too_long"));

        var reset = await admin.PostJson($"{Url}/{id}/password", new { newPassword = next }, "\"1\"").Expect(HttpStatusCode.OK);
        Assert.True((bool)reset["mustChangePassword"]!);
        Assert.Equal(2, (int)reset["version"]!);
        var after = await AccountAsync(id);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.NotEqual(before.PasswordHash, after.PasswordHash);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(userName, GoodPassword));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(userName, next));

        var audit = (await AuditAsync(id)).First()!;
        Assert.Equal("ResetPassword", (string?)audit["action"]);
        Assert.DoesNotContain(next, (string?)audit["summary"]);
        Assert.DoesNotContain(after.PasswordHash, (string?)audit["summary"]);
    }

    [Fact]
    public async Task Passwords_of_other_organisations_are_out_of_a_unit_administrator_s_reach_and_the_auditor_resets_none()
    {
        var (admin, _, _) = await UnitAdministratorAsync(Host.Cast.IssuerAOrg, "Issuer");
        var stranger = await CreateAsync(NewUser("Applicant", Host.Cast.ApplicantOrg));
        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson($"{Url}/{stranger["id"]}/password", new { newPassword = "Qiu-shui#Pian-88" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson($"{Url}/{Guid.NewGuid()}/password", new { newPassword = "Qiu-shui#Pian-88" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        var auditor = await Host.As(Cast.Auditor);
        await DatabaseSnapshot.Unchanged(Host, () => auditor.PostJson($"{Url}/{stranger["id"]}/password", new { newPassword = "Qiu-shui#Pian-88" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
    }
}
