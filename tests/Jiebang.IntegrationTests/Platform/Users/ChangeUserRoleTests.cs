using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Users;

public abstract partial class UsersTests
{
    [Fact]
    public async Task The_task_force_changes_a_role_which_changes_the_stamp_and_is_audited_with_before_and_after()
    {
        var user = await CreateAsync(NewUser("Applicant", Host.Cast.ApplicantOrg));
        var id = (string)user["id"]!;
        var before = await AccountAsync(id);
        var tf = await Host.As(Cast.TaskForce);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"{Url}/{id}/role", new { role = "Issuer", organisationId = Host.Cast.IssuerAOrg })
            .ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"{Url}/{id}/role", new { role = "Issuer" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"{Url}/{id}/role", new { role = "Auditor", orgAdmin = true }, "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));

        var changed = await tf.PutJson($"{Url}/{id}/role", new { role = "Issuer", organisationId = Host.Cast.IssuerAOrg, orgAdmin = true }, "\"1\"")
            .Expect(HttpStatusCode.OK);
        Assert.Equal("Issuer", (string?)changed["role"]);
        Assert.Equal("测试发榜企业A", (string?)changed["organisationName"]);
        Assert.True((bool)changed["orgAdmin"]!);
        Assert.Equal(2, (int)changed["version"]!);
        Assert.NotEqual(before.SecurityStamp, (await AccountAsync(id)).SecurityStamp);

        var auditor = await tf.PutJson($"{Url}/{id}/role", new { role = "Auditor" }, "\"2\"").Expect(HttpStatusCode.OK);
        Assert.Null(auditor["organisationId"]);
        Assert.False((bool)auditor["orgAdmin"]!);

        var audit = (await AuditAsync(id)).First()!;
        Assert.Equal("ChangeRole", (string?)audit["action"]);
        Assert.Contains("\"before\":{\"role\":\"Issuer\"", (string?)audit["summary"]);
        Assert.Contains("\"after\":{\"role\":\"Auditor\"", (string?)audit["summary"]);
    }

    [Fact]
    public async Task Only_the_task_force_changes_roles_and_never_its_own()
    {
        var user = await CreateAsync(NewUser("Applicant", Host.Cast.ApplicantOrg));
        var body = new { role = "Applicant", organisationId = Host.Cast.ApplicantOrg, orgAdmin = true };
        var (admin, _, _) = await UnitAdministratorAsync(Host.Cast.ApplicantOrg);
        foreach (var client in new[] { admin, await Host.As(Cast.Auditor) })
        {
            await DatabaseSnapshot.Unchanged(Host, () => client.PutJson($"{Url}/{user["id"]}/role", body, "\"1\"").Expect(HttpStatusCode.Forbidden));
        }
        var tf = await Host.As(Cast.TaskForce);
        var me = (await tf.GetAsync($"{Url}?q={Cast.TaskForce}&role=TaskForce").Expect(HttpStatusCode.OK))["items"]!.AsArray()
            .Single(u => (string?)u!["userName"] == Cast.TaskForce)!;
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"{Url}/{me["id"]}/role", new { role = "Auditor" }, ETag(me))
            .ExpectProblem(HttpStatusCode.Conflict, "user.cannot_change_own_role"));
        await tf.PutJson($"{Url}/{Guid.NewGuid()}/role", new { role = "Auditor" }, "\"1\"").ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }
}
