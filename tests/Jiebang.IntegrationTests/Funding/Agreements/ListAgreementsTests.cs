using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Funding.Agreements;

public abstract class ListAgreementsTests(JiebangHost host) : HostTests(host)
{
    private FundingScenario Funding => new(Host);

    private static async Task<JsonNode> PageAsync(HttpClient client, string query) =>
        await client.GetAsync($"/api/v1/agreements?{query}").Expect(HttpStatusCode.OK);

    [Fact]
    public async Task Each_caller_lists_and_counts_only_the_agreements_it_may_see()
    {
        // Two challenges of issuer A: one application led by the Applicant's organisation, one by a new enterprise.
        var (batchId, selected) = await Funding.SelectedAsync(2, withApplicantUser: true);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        var own = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId, 1_000_000L, 2_000_000L))
            .Expect(HttpStatusCode.Created);
        var other = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[1].ApplicationId, 3_000_000L, 1_000_000L))
            .Expect(HttpStatusCode.Created);

        var all = await PageAsync(tf, $"batch={batchId}");
        Assert.Equal(2, (int)all["total"]!);
        var first = all["items"]!.AsArray().Single(i => (string)i!["id"]! == (string)own["id"]!)!;
        Assert.Equal((string?)own["code"], (string?)first["code"]);
        Assert.Equal("Active", (string?)first["status"]);
        Assert.Equal(3_000_000L, (long)first["jointInvestmentFen"]!);
        Assert.Equal(900_000L, (long)first["commitmentFen"]!);
        Assert.Equal(900_000L, (long)first["committedFen"]!);
        Assert.Equal(0L, (long)first["paidFen"]!);
        Assert.Equal("2027-01-01", (string?)first["startsOn"]);
        Assert.Equal(Host.Cast.IssuerAOrg.ToString(), (string?)first["issuerOrganisationId"]);
        Assert.Equal(Host.Cast.ApplicantOrg.ToString(), (string?)first["leadOrganisationId"]);
        Assert.Equal(2, (int)(await PageAsync(await Host.As(Cast.Auditor), $"batch={batchId}"))["total"]!);

        // The issuer of both challenges sees both; another issuer none; the applicant only the one its organisation leads.
        Assert.Equal(2, (int)(await PageAsync(await Host.As(Cast.IssuerA), $"batch={batchId}"))["total"]!);
        var issuerB = await PageAsync(await Host.As(Cast.IssuerB), $"batch={batchId}");
        Assert.Equal(0, (int)issuerB["total"]!);
        Assert.Empty(issuerB["items"]!.AsArray());
        var applicant = await PageAsync(await Host.As(Cast.Applicant), $"batch={batchId}");
        Assert.Equal(1, (int)applicant["total"]!);
        Assert.Equal((string?)own["id"], (string?)applicant["items"]![0]!["id"]);
        // Without a filter too: nothing of another party is counted, so every row the applicant is given opens.
        var everything = await PageAsync(await Host.As(Cast.Applicant), "pageSize=200");
        Assert.DoesNotContain(everything["items"]!.AsArray(), i => (string)i!["id"]! == (string)other["id"]!);
        Assert.Equal(everything["items"]!.AsArray().Count, (int)everything["total"]!);
        Assert.Equal(0, (int)(await PageAsync(await Host.As(Cast.Expert), "pageSize=200"))["total"]!);

        // Filters and paging.
        Assert.Equal(1, (int)(await PageAsync(tf, $"challenge={selected[1].ChallengeId}"))["total"]!);
        Assert.Equal(2, (int)(await PageAsync(tf, $"batch={batchId}&status=Active"))["total"]!);
        Assert.Equal(0, (int)(await PageAsync(tf, $"batch={batchId}&status=Closed"))["total"]!);
        var paged = await PageAsync(tf, $"batch={batchId}&pageSize=1&page=2");
        Assert.Equal(2, (int)paged["total"]!);
        Assert.Single(paged["items"]!.AsArray());
        await tf.GetAsync("/api/v1/agreements?pageSize=0").ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        await Host.Anonymous().GetAsync("/api/v1/agreements").Expect(HttpStatusCode.Unauthorized);

        // A payment shows in the list's balances.
        await Funding.ConfirmedByIssuerAsync((string)own["id"]!);
        var applicantClient = await Host.As(Cast.Applicant);
        var report = await applicantClient.PostJson($"/api/v1/agreements/{own["id"]}/progress-reports",
            new { milestoneIndex = 0, issuerInvestmentFen = 1_000_000L, applicantInvestmentFen = 2_000_000L }).Expect(HttpStatusCode.Created);
        await tf.PostJson($"/api/v1/progress-reports/{report["id"]}/verify",
            new { verifiedIssuerFen = 1_000_000L, verifiedApplicantFen = 2_000_000L }).Expect(HttpStatusCode.OK);
        await tf.PostJson($"/api/v1/agreements/{own["id"]}/disbursements", new { milestoneIndex = 0, amountFen = 360_000L, reason = "首期" })
            .Expect(HttpStatusCode.OK);
        var afterPayment = (await PageAsync(applicantClient, $"batch={batchId}"))["items"]![0]!;
        Assert.Equal(360_000L, (long)afterPayment["paidFen"]!);
        Assert.Equal(900_000L, (long)afterPayment["committedFen"]!);
    }
}

public sealed class ListAgreementsTestsOnSqlite(SqliteHost host) : ListAgreementsTests(host), IClassFixture<SqliteHost>;
public sealed class ListAgreementsTestsOnPostgres(PostgresHost host) : ListAgreementsTests(host), IClassFixture<PostgresHost>;
public sealed class ListAgreementsTestsOnSqlServer(SqlServerHost host) : ListAgreementsTests(host), IClassFixture<SqlServerHost>;
