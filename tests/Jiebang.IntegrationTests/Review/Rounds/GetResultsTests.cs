using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Rounds;

/// <summary>The results of a closed round, with every figure exactly on its threshold (reaching a threshold is enough; the spread flags only above its limit).</summary>
public abstract class GetResultsTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task A_mean_and_a_criterion_mean_exactly_on_their_thresholds_pass_and_a_spread_exactly_on_its_limit_is_not_flagged()
    {
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var tf = await Host.As(Cast.TaskForce);
            // ReviewScenario.RoundBody: pass threshold 60, criterion 1 (weight 0.6) threshold 60, criterion 2 weight 0.4, spread limit 20.
            var (item, first, a1, second, a2) = await new ReviewScenario(Host).AssignedToTwoExpertsAsync();
            await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/open-scoring").Expect(HttpStatusCode.OK);
            // Totals 0.6 × 50 + 0.4 × 50 = 50 and 0.6 × 70 + 0.4 × 70 = 70: mean 60, spread 20; criterion 1 mean (50 + 70) / 2 = 60.
            await ReviewScenario.ScoreAndSubmitAsync(first, a1, 50, 50);
            await ReviewScenario.ScoreAndSubmitAsync(second, a2, 70, 70);
            await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/close").Expect(HttpStatusCode.OK);

            var results = await tf.GetAsync($"/api/v1/review/rounds/{item.RoundId}/results").Expect(HttpStatusCode.OK);
            Assert.Equal((60m, 20m), ((decimal)results["passThreshold"]!, (decimal)results["spreadLimit"]!));
            var result = results["items"]!.AsArray().Single(i => (string)i!["itemId"]! == item.ItemId)!;
            var criterion = result["criteria"]!.AsArray().Single(c => (int)c!["ordinal"]! == 1)!;
            Assert.Equal((60m, 60m), ((decimal)criterion["mean"]!, (decimal)criterion["threshold"]!));
            Assert.True((bool)criterion["passed"]!, "a criterion mean equal to its threshold passes");
            Assert.Equal(20m, (decimal)result["spread"]!);
            Assert.False((bool)result["spreadFlag"]!, "a spread equal to the limit is not flagged");
            Assert.Equal(60m, (decimal)result["trimmedMean"]!);
            Assert.True((bool)result["passed"]!, "a trimmed mean equal to the pass threshold passes (every criterion passed)");
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class GetResultsTestsOnSqlite(SqliteHost host) : GetResultsTests(host), IClassFixture<SqliteHost>;
public sealed class GetResultsTestsOnPostgres(PostgresHost host) : GetResultsTests(host), IClassFixture<PostgresHost>;
public sealed class GetResultsTestsOnSqlServer(SqlServerHost host) : GetResultsTests(host), IClassFixture<SqlServerHost>;
