using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Users;

public abstract partial class UsersTests
{
    [Fact]
    public async Task The_task_force_and_auditors_list_every_account_and_filter_by_role_organisation_state_and_text()
    {
        var tag = Scenario.Unique("find");
        var colleague = await CreateAsync(NewUser("Applicant", Host.Cast.ApplicantOrg, userName: tag + "-a"));
        await CreateAsync(NewUser("Issuer", Host.Cast.IssuerBOrg, userName: tag + "-b"));
        foreach (var who in new[] { Cast.TaskForce, Cast.Auditor })
        {
            var client = await Host.As(who);
            var all = await client.GetAsync($"{Url}?pageSize=200").Expect(HttpStatusCode.OK);
            Assert.Contains(all["items"]!.AsArray(), u => (string?)u!["userName"] == Cast.TaskForce);
            Assert.Contains(all["items"]!.AsArray(), u => (string?)u!["userName"] == Cast.IssuerB);
            Assert.All(all["items"]!.AsArray(), u => Assert.Null(u!["passwordHash"]));

            var found = await client.GetAsync($"{Url}?q={tag.ToUpperInvariant()}").Expect(HttpStatusCode.OK);
            Assert.Equal(2, (int)found["total"]!);
            var byRole = await client.GetAsync($"{Url}?q={tag}&role=Issuer").Expect(HttpStatusCode.OK);
            Assert.Equal(tag + "-b", (string?)byRole["items"]![0]!["userName"]);
            Assert.Equal(1, (int)byRole["total"]!);
            var byOrg = await client.GetAsync($"{Url}?organisationId={Host.Cast.ApplicantOrg}&pageSize=200").Expect(HttpStatusCode.OK);
            Assert.All(byOrg["items"]!.AsArray(), u => Assert.Equal(Host.Cast.ApplicantOrg.ToString(), (string?)u!["organisationId"]));
            Assert.Contains(byOrg["items"]!.AsArray(), u => (string?)u!["id"] == (string?)colleague["id"]);
            Assert.Equal(0, (int)(await client.GetAsync($"{Url}?q={tag}&active=false").Expect(HttpStatusCode.OK))["total"]!);
        }
        var tf = await Host.As(Cast.TaskForce);
        await tf.GetAsync($"{Url}?role=Director").ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        await tf.GetAsync($"{Url}?pageSize=500").ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_unit_administrator_lists_only_its_own_organisation_whatever_it_asks_and_others_are_refused()
    {
        var (admin, _, _) = await UnitAdministratorAsync(Host.Cast.IssuerBOrg, "Issuer");
        await CreateAsync(NewUser("Issuer", Host.Cast.IssuerBOrg));
        var own = await admin.GetAsync($"{Url}?pageSize=200").Expect(HttpStatusCode.OK);
        Assert.True((int)own["total"]! >= 3);
        Assert.All(own["items"]!.AsArray(), u => Assert.Equal(Host.Cast.IssuerBOrg.ToString(), (string?)u!["organisationId"]));
        Assert.Contains(own["items"]!.AsArray(), u => (string?)u!["userName"] == Cast.IssuerB);
        var other = await admin.GetAsync($"{Url}?organisationId={Host.Cast.IssuerAOrg}").Expect(HttpStatusCode.OK);
        Assert.Equal(0, (int)other["total"]!);
        Assert.Empty(other["items"]!.AsArray());

        // Not an administrator: refused, whatever the organisation.
        await (await Host.As(Cast.IssuerA)).GetAsync(Url).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await Host.As(Cast.Applicant)).GetAsync(Url).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await Host.As(Cast.Expert)).GetAsync(Url).Expect(HttpStatusCode.Forbidden);
        await Host.WithApiKey(Host.Cast.DistrictKey).GetAsync(Url).Expect(HttpStatusCode.Forbidden);
        await Host.Anonymous().GetAsync(Url).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_administrator_demoted_or_deactivated_since_signing_in_lists_nothing_with_its_old_token()
    {
        var (admin, adminId, _) = await UnitAdministratorAsync(Host.Cast.ApplicantOrg);
        await admin.GetAsync(Url).Expect(HttpStatusCode.OK);
        var tf = await Host.As(Cast.TaskForce);
        var current = await tf.GetAsync($"{Url}/{adminId}").Expect(HttpStatusCode.OK);
        await tf.PutJson($"{Url}/{adminId}/role", new { role = "Applicant", organisationId = Host.Cast.ApplicantOrg, orgAdmin = false },
            ETag(current)).Expect(HttpStatusCode.OK);
        await admin.GetAsync(Url).Expect(HttpStatusCode.Forbidden);
    }
}
