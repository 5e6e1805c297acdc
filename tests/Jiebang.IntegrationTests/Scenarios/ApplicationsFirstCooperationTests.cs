using System.Net;
using Jiebang.IntegrationTests.Funding;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>
/// 首次实质研发合作: a unit that has signed an R&amp;D agreement with the issuer (through Funding) cannot take another of
/// the issuer's challenges, neither at submission nor at the formal check after the deadline.
/// </summary>
public abstract class ApplicationsFirstCooperationTests(JiebangHost host) : HostTests(host)
{
    private const string Rule = "eligibility.first_cooperation";

    [Fact]
    public async Task A_unit_with_a_signed_agreement_with_the_issuer_is_refused_at_submission_and_found_ineligible_at_the_formal_check()
    {
        var funding = new FundingScenario(Host);
        var enterprise = await funding.EnterpriseAsync();
        var (fundedBatch, selected) = await funding.SelectedAsync(1, leadOrganisation: enterprise);

        // Another challenge of the same issuer: one application submitted before the agreement is signed, one after.
        var (challenge, batch) = await Scenario.PublishedAsync(issuer: Cast.IssuerA);
        var district = Host.WithApiKey(Host.Cast.DistrictKey);
        var before = await district.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, lead: enterprise)).Expect(HttpStatusCode.Created);
        await district.PostJson($"/api/v1/applications/{before["id"]}/submit").Expect(HttpStatusCode.OK);
        var after = await district.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, lead: enterprise)).Expect(HttpStatusCode.Created);

        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{fundedBatch}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId)).Expect(HttpStatusCode.Created);

        var problem = await DatabaseSnapshot.Unchanged(Host, () => district.PostJson($"/api/v1/applications/{after["id"]}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "application.ineligible"));
        var violation = Assert.Single(problem["violations"]!.AsArray())!;
        Assert.Equal(Rule, (string?)violation["code"]);
        Assert.Equal(enterprise.ToString(), (string?)violation["organisationId"]);

        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(1));
            var check = await tf.PostJson($"/api/v1/batches/{batch["id"]}/eligibility-check").Expect(HttpStatusCode.OK);
            Assert.Equal((1, 1), ((int)check["checked"]!, (int)check["ineligible"]!));
            var judged = await tf.GetAsync($"/api/v1/applications/{before["id"]}").Expect(HttpStatusCode.OK);
            Assert.Equal("Ineligible", (string?)judged["eligibility"]);
            var failed = Assert.Single(judged["eligibilityResults"]!.AsArray(), r => !(bool)r!["passed"]!)!;
            Assert.Equal(Rule, (string?)failed["code"]);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class ApplicationsFirstCooperationTestsOnSqlite(SqliteHost host) : ApplicationsFirstCooperationTests(host), IClassFixture<SqliteHost>;
public sealed class ApplicationsFirstCooperationTestsOnPostgres(PostgresHost host) : ApplicationsFirstCooperationTests(host), IClassFixture<PostgresHost>;
public sealed class ApplicationsFirstCooperationTestsOnSqlServer(SqlServerHost host) : ApplicationsFirstCooperationTests(host), IClassFixture<SqlServerHost>;
