using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Funding.Dashboard;

public abstract class GetDashboardTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task The_dashboard_sums_the_ledger_by_batch_and_field_counts_awards_and_takes_the_median_wait_to_signing()
    {
        var funding = new FundingScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var programmeId = await Scenario.ProgrammeAsync();
        var published = Host.Clock.GetUtcNow();
        // The third device challenge's only application fails its review round, so the challenge is left Unawarded (流榜).
        var (batch1, devices) = await funding.SelectedAsync(3, programmeId: programmeId, notSelected: [2]);
        var (batch2, chips) = await funding.SelectedAsync(1, programmeId: programmeId, field: "IntegratedCircuits");
        await tf.PutJson($"/api/v1/batches/{batch1}/funding-policy", FundingScenario.Policy(5_000_000L)).Expect(HttpStatusCode.Created);
        await tf.PutJson($"/api/v1/batches/{batch2}/funding-policy", FundingScenario.Policy(2_000_000L)).Expect(HttpStatusCode.Created);
        Assert.Equal("Unawarded", (string?)(await tf.GetAsync($"/api/v1/challenges/{devices[2].ChallengeId}").Expect(HttpStatusCode.OK))["status"]);
        try
        {
            // Signed 2, 4 and 10 days after publication (900,000 fen each): the median wait is 4 days.
            string? first = null;
            foreach (var (app, days) in new[] { (devices[0], 2), (devices[1], 4), (chips[0], 10) })
            {
                Host.Clock.SetUtcNow(published.AddDays(days));
                var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(app.ApplicationId)).Expect(HttpStatusCode.Created);
                first ??= (string)signed["id"]!;
            }
            await funding.ConfirmedByIssuerAsync(first!);
            var report = await tf.PostJson($"/api/v1/agreements/{first}/progress-reports",
                new { milestoneIndex = 0, issuerInvestmentFen = 500_000L, applicantInvestmentFen = 300_000L }).Expect(HttpStatusCode.Created);
            await tf.PostJson($"/api/v1/progress-reports/{report["id"]}/verify",
                new { verifiedIssuerFen = 500_000L, verifiedApplicantFen = 300_000L }).Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/agreements/{first}/disbursements", new { milestoneIndex = 0, amountFen = 240_000L, reason = "首期" })
                .Expect(HttpStatusCode.OK);
        }
        finally
        {
            Host.Clock.SetUtcNow(published);
        }

        var url = $"/api/v1/programmes/{programmeId}/dashboard";
        var dashboard = await tf.GetAsync(url).Expect(HttpStatusCode.OK);
        Assert.Equal(1, (int)dashboard["consortia"]!["formed"]!);
        Assert.Equal(3, (int)dashboard["consortia"]!["agreements"]!);
        var batches = dashboard["batches"]!.AsArray();
        Assert.Equal(2, batches.Count);
        var one = batches.Single(b => (string?)b!["batchId"] == batch1.ToString())!;
        Assert.Equal((3, 2, 1, 0), ((int)one["published"]!, (int)one["awarded"]!, (int)one["unawarded"]!, (int)one["undecided"]!));
        Assert.Equal(5_000_000L, (long)one["budgetFen"]!);
        Assert.Equal((1_800_000L, 240_000L, 1_560_000L),
            ((long)one["money"]!["committedFen"]!, (long)one["money"]!["paidFen"]!, (long)one["money"]!["remainingFen"]!));
        var two = batches.Single(b => (string?)b!["batchId"] == batch2.ToString())!;
        Assert.Equal((1, 1, 0), ((int)two["published"]!, (int)two["awarded"]!, (int)two["unawarded"]!));
        Assert.Equal(900_000L, (long)two["money"]!["remainingFen"]!);
        var fields = dashboard["fields"]!.AsArray().ToDictionary(f => (string)f!["field"]!, f => f!);
        Assert.Equal(2, (int)fields["MedicalDevices"]["agreements"]!);
        Assert.Equal(240_000L, (long)fields["MedicalDevices"]["money"]!["paidFen"]!);
        Assert.Equal("集成电路", (string?)fields["IntegratedCircuits"]["nameZh"]);
        Assert.Equal(900_000L, (long)fields["IntegratedCircuits"]["money"]!["committedFen"]!);
        Assert.Equal((2_700_000L, 240_000L, 2_460_000L),
            ((long)dashboard["totals"]!["committedFen"]!, (long)dashboard["totals"]!["paidFen"]!, (long)dashboard["totals"]!["remainingFen"]!));
        Assert.Equal(3, (int)dashboard["timeToSigning"]!["agreements"]!);
        Assert.Equal(4.0m, (decimal)dashboard["timeToSigning"]!["days"]!);
        Assert.Equal(0, (int)dashboard["procurement"]!["contracts"]!);

        // Task force and auditors only; an unknown programme is 404.
        await (await Host.As(Cast.Auditor)).GetAsync(url).Expect(HttpStatusCode.OK);
        await (await Host.As(Cast.IssuerA)).GetAsync(url).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await Host.As(Cast.Applicant)).GetAsync(url).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await tf.GetAsync($"/api/v1/programmes/{Guid.NewGuid()}/dashboard").ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }
}

public sealed class GetDashboardTestsOnSqlite(SqliteHost host) : GetDashboardTests(host), IClassFixture<SqliteHost>;
public sealed class GetDashboardTestsOnPostgres(PostgresHost host) : GetDashboardTests(host), IClassFixture<PostgresHost>;
public sealed class GetDashboardTestsOnSqlServer(SqlServerHost host) : GetDashboardTests(host), IClassFixture<SqlServerHost>;
