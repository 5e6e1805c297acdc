using System.Net;
using Jiebang.IntegrationTests.Challenges.DemoData;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Demo;

namespace Jiebang.IntegrationTests.Platform.Users;

/// <summary>The demo data's unit administrators: applicant1 and issuer1 manage their own organisation's accounts.</summary>
public abstract class DemoUnitAdministratorsTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Applicant1_and_issuer1_are_unit_administrators_of_their_organisations_and_applicant2_is_not()
    {
        foreach (var (admin, colleagueless) in new[] { ("applicant1", "applicant2"), ("issuer1", "issuer2") })
        {
            var client = await Host.As(admin, DemoAccounts.Password);
            var page = await client.GetAsync("/api/v1/users?pageSize=200").Expect(HttpStatusCode.OK);
            var items = page["items"]!.AsArray();
            var self = Assert.Single(items, u => (string?)u!["userName"] == admin)!;
            Assert.True((bool)self["orgAdmin"]!);
            Assert.True((bool)self["isDemo"]!);
            Assert.All(items, u => Assert.Equal((string?)self["organisationId"], (string?)u!["organisationId"]));
            Assert.DoesNotContain(items, u => (string?)u!["userName"] == colleagueless);
            await (await Host.As(colleagueless, DemoAccounts.Password)).GetAsync("/api/v1/users").Expect(HttpStatusCode.Forbidden);
        }
        // The demo district key stays.
        await Host.WithApiKey(DemoAccounts.DistrictKey).GetAsync("/api/v1/organisations").Expect(HttpStatusCode.OK);
    }
}

public sealed class DemoUnitAdministratorsTestsOnSqlite(DemoSqliteHost host) : DemoUnitAdministratorsTests(host), IClassFixture<DemoSqliteHost>;
public sealed class DemoUnitAdministratorsTestsOnPostgres(DemoPostgresHost host) : DemoUnitAdministratorsTests(host), IClassFixture<DemoPostgresHost>;
