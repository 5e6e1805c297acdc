using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Users;

public abstract partial class UsersTests
{
    [Fact]
    public async Task Deactivating_changes_the_stamp_stops_sign_in_and_is_audited_and_reactivating_lets_the_account_in_again()
    {
        var user = await CreateAsync(NewUser("Applicant", Host.Cast.ApplicantOrg));
        var (id, userName) = ((string)user["id"]!, (string)user["userName"]!);
        var before = await AccountAsync(id);
        var tf = await Host.As(Cast.TaskForce);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{Url}/{id}/deactivate")
            .ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{Url}/{id}/deactivate", ifMatch: "\"9\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));

        var deactivated = await tf.PostJson($"{Url}/{id}/deactivate", ifMatch: "\"1\"").Expect(HttpStatusCode.OK);
        Assert.False((bool)deactivated["active"]!);
        Assert.Equal(2, (int)deactivated["version"]!);
        var after = await AccountAsync(id);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.False(after.Active);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(userName, GoodPassword));
        // Again: answered as it is, nothing written.
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{Url}/{id}/deactivate", ifMatch: "\"2\"").Expect(HttpStatusCode.OK));

        var reactivated = await tf.PostJson($"{Url}/{id}/reactivate", ifMatch: "\"2\"").Expect(HttpStatusCode.OK);
        Assert.True((bool)reactivated["active"]!);
        Assert.Equal(3, (int)reactivated["version"]!);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(userName, GoodPassword));
        Assert.Equal(["Create", "Deactivate", "Reactivate"], (await AuditAsync(id)).Select(a => (string)a!["action"]!).Reverse().ToArray());
    }

    [Fact]
    public async Task Nobody_deactivates_their_own_account()
    {
        var (admin, adminId, _) = await UnitAdministratorAsync(Host.Cast.ApplicantOrg);
        var current = await admin.GetAsync($"{Url}/{adminId}").Expect(HttpStatusCode.OK);
        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson($"{Url}/{adminId}/deactivate", ifMatch: ETag(current))
            .ExpectProblem(HttpStatusCode.Conflict, "user.cannot_deactivate_self"));
        var tf = await Host.As(Cast.TaskForce);
        var me = (await tf.GetAsync($"{Url}?q={Cast.TaskForce}&role=TaskForce").Expect(HttpStatusCode.OK))["items"]!.AsArray()
            .Single(u => (string?)u!["userName"] == Cast.TaskForce)!;
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{Url}/{me["id"]}/deactivate", ifMatch: ETag(me))
            .ExpectProblem(HttpStatusCode.Conflict, "user.cannot_deactivate_self"));
    }

    [Fact]
    public async Task A_unit_administrator_deactivates_its_own_organisation_s_accounts_only_and_the_auditor_none()
    {
        var (admin, _, _) = await UnitAdministratorAsync(Host.Cast.ApplicantOrg);
        var colleague = await CreateAsync(NewUser("Applicant", Host.Cast.ApplicantOrg));
        var stranger = await CreateAsync(NewUser("Issuer", Host.Cast.IssuerAOrg));

        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson($"{Url}/{stranger["id"]}/deactivate", ifMatch: "\"1\"")
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson($"{Url}/{stranger["id"]}/reactivate", ifMatch: "\"1\"")
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        var auditor = await Host.As(Cast.Auditor);
        await DatabaseSnapshot.Unchanged(Host, () => auditor.PostJson($"{Url}/{colleague["id"]}/deactivate", ifMatch: "\"1\"")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        await DatabaseSnapshot.Unchanged(Host, () => auditor.PostJson($"{Url}/{colleague["id"]}/reactivate", ifMatch: "\"1\"")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        var notAdmin = await Host.As(Cast.Applicant);
        await DatabaseSnapshot.Unchanged(Host, () => notAdmin.PostJson($"{Url}/{colleague["id"]}/deactivate", ifMatch: "\"1\"")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));

        var done = await admin.PostJson($"{Url}/{colleague["id"]}/deactivate", ifMatch: "\"1\"").Expect(HttpStatusCode.OK);
        Assert.False((bool)done["active"]!);
        var audit = (await AuditAsync(colleague["id"]!)).First()!;
        Assert.Equal("Deactivate", (string?)audit["action"]);
        Assert.Equal("Applicant", (string?)audit["actorRole"]);
        await admin.PostJson($"{Url}/{colleague["id"]}/reactivate", ifMatch: "\"2\"").Expect(HttpStatusCode.OK);
    }
}
