using System.Net;
using Dapper;
using Jiebang.IntegrationTests.Funding;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Scenarios;

public abstract class FundingBudgetConcurrencyTests(JiebangHost host) : HostTests(host)
{
    private sealed class LedgerSum
    {
        public long Total { get; set; }
        public long Entries { get; set; }
    }

    [Fact]
    public async Task Many_signings_at_once_never_over_commit_the_budget_and_exactly_the_ones_that_fit_succeed()
    {
        const int signings = 10;
        const long each = 900_000L; // 30% of (1,000,000 + 2,000,000) fen
        const long budget = 5 * each; // fits exactly five
        var (batchId, selected) = await new FundingScenario(Host).SelectedAsync(signings);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(budget)).Expect(HttpStatusCode.Created);

        var clients = await Task.WhenAll(Enumerable.Range(0, signings).Select(_ => Host.As(Cast.TaskForce)));
        using var start = new SemaphoreSlim(0);
        var calls = selected.Select(async (s, i) =>
        {
            await start.WaitAsync();
            var response = await clients[i].PostJson("/api/v1/agreements", FundingScenario.Agreement(s.ApplicationId));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(signings);
        var results = await Task.WhenAll(calls);

        Assert.Equal(5, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = results.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(5, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("funding.budget_exhausted", r.Body, StringComparison.Ordinal);
        });

        await using var connection = await Host.Db.OpenAsync();
        var ledger = await connection.QuerySingleAsync<LedgerSum>(
            "SELECT CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) AS Total, COUNT(*) AS Entries FROM funding_ledger WHERE batch_id = @BatchId AND kind = " +
            "'Commit'",
            new { BatchId = batchId });
        Assert.Equal(5, ledger.Entries);
        Assert.Equal(budget, ledger.Total);
        var commitments = await connection.ExecuteScalarAsync<long>(
            "SELECT CAST(COALESCE(SUM(commitment_fen), 0) AS BIGINT) FROM funding_agreement WHERE batch_id = @BatchId", new { BatchId = batchId });
        Assert.Equal(budget, commitments);
        var agreements = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM funding_agreement WHERE batch_id = @BatchId", new { BatchId = batchId });
        Assert.Equal(5, agreements);

        var policy = await tf.GetAsync($"/api/v1/batches/{batchId}/funding-policy").Expect(HttpStatusCode.OK);
        Assert.Equal(budget, (long)policy["committedFen"]!);
        Assert.Equal(0L, (long)policy["availableFen"]!);
        Assert.Equal(0L, (long)policy["paidFen"]!);
    }

    [Fact]
    public async Task Concurrent_tranche_payments_never_pay_more_than_the_limit()
    {
        var (batchId, selected) = await new FundingScenario(Host).SelectedAsync(1);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId)).Expect(HttpStatusCode.Created);
        var id = (string)signed["id"]!;
        await new FundingScenario(Host).ConfirmedByIssuerAsync(id);
        var report = await tf.PostJson($"/api/v1/agreements/{id}/progress-reports",
            new { milestoneIndex = 0, issuerInvestmentFen = 500_000L, applicantInvestmentFen = 300_000L }).Expect(HttpStatusCode.Created);
        await tf.PostJson($"/api/v1/progress-reports/{report["id"]}/verify",
            new { verifiedIssuerFen = 500_000L, verifiedApplicantFen = 300_000L }).Expect(HttpStatusCode.OK);
        // Limit: min(40% x 900,000, 30% x 800,000) = 240,000; eight payments of 100,000 at once: two fit.
        const int payments = 8;
        var clients = await Task.WhenAll(Enumerable.Range(0, payments).Select(_ => Host.As(Cast.TaskForce)));
        using var start = new SemaphoreSlim(0);
        var calls = clients.Select(async client =>
        {
            await start.WaitAsync();
            var response = await client.PostJson($"/api/v1/agreements/{id}/disbursements", new { milestoneIndex = 0, amountFen = 100_000L, reason = "首期" });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(payments);
        var results = await Task.WhenAll(calls);

        Assert.Equal(2, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("funding.payment_exceeds_limit", r.Body, StringComparison.Ordinal);
        });
        var detail = await tf.GetAsync($"/api/v1/agreements/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(200_000L, (long)detail["balances"]!["paidFen"]!);
        Assert.Equal([1, 2, 3], detail["ledger"]!.AsArray().Select(e => (int)e!["entryNo"]!).ToArray());
    }
}

public sealed class FundingBudgetConcurrencyTestsOnSqlite(SqliteHost host) : FundingBudgetConcurrencyTests(host), IClassFixture<SqliteHost>;
public sealed class FundingBudgetConcurrencyTestsOnPostgres(PostgresHost host) : FundingBudgetConcurrencyTests(host), IClassFixture<PostgresHost>;
public sealed class FundingBudgetConcurrencyTestsOnSqlServer(SqlServerHost host) : FundingBudgetConcurrencyTests(host), IClassFixture<SqlServerHost>;
