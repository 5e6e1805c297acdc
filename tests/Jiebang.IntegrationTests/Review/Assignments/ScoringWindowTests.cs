using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Assignments;

/// <summary>
/// Saving and submitting a score sheet (SaveScore, SubmitScore) only while the round is in scoring and its window is open:
/// from scoringOpensAt (included) to scoringClosesAt (excluded). Outside, review.scoring_closed and nothing changes.
/// </summary>
public abstract class ScoringWindowTests(JiebangHost host) : HostTests(host)
{
    private static object Sheet(decimal first, decimal second) =>
        new { scores = new[] { new { ordinal = 1, score = first }, new { ordinal = 2, score = second } }, comment = "意见" };

    [Fact]
    public async Task A_score_is_refused_before_scoring_opens_and_from_the_closing_instant_on_and_accepted_from_the_opening_instant()
    {
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var tf = await Host.As(Cast.TaskForce);
            var (item, first, a1, second, a2) = await new ReviewScenario(Host).AssignedToTwoExpertsAsync();

            // Inside the window by the clock, but the round is not in scoring yet.
            await DatabaseSnapshot.Unchanged(Host, () => first.PutJson($"/api/v1/review/assignments/{a1}/score", Sheet(80, 70))
                .ExpectProblem(HttpStatusCode.Conflict, "review.scoring_closed"));

            var round = await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/open-scoring").Expect(HttpStatusCode.OK);
            Assert.Equal("Scoring", (string?)round["status"]);
            var opensAt = DateTimeOffset.Parse((string)round["scoringOpensAt"]!, System.Globalization.CultureInfo.InvariantCulture);
            var closesAt = DateTimeOffset.Parse((string)round["scoringClosesAt"]!, System.Globalization.CultureInfo.InvariantCulture);

            Host.Clock.SetUtcNow(opensAt);
            await first.PutJson($"/api/v1/review/assignments/{a1}/score", Sheet(80, 70)).Expect(HttpStatusCode.OK);
            Host.Clock.SetUtcNow(closesAt.AddSeconds(-1));
            await second.PutJson($"/api/v1/review/assignments/{a2}/score", Sheet(90, 60)).Expect(HttpStatusCode.OK);

            // At the closing instant the round is still in scoring, but its window has closed: complete sheets stay drafts.
            Host.Clock.SetUtcNow(closesAt);
            await DatabaseSnapshot.Unchanged(Host, () => first.PutJson($"/api/v1/review/assignments/{a1}/score", Sheet(10, 10))
                .ExpectProblem(HttpStatusCode.Conflict, "review.scoring_closed"));
            await DatabaseSnapshot.Unchanged(Host, () => first.PostJson($"/api/v1/review/assignments/{a1}/submit")
                .ExpectProblem(HttpStatusCode.Conflict, "review.scoring_closed"));

            // Closed: the draft that was never submitted cannot be submitted now either.
            await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/close").Expect(HttpStatusCode.OK);
            await DatabaseSnapshot.Unchanged(Host, () => second.PostJson($"/api/v1/review/assignments/{a2}/submit")
                .ExpectProblem(HttpStatusCode.Conflict, "review.scoring_closed"));
            var sheet = await first.GetAsync($"/api/v1/review/assignments/{a1}").Expect(HttpStatusCode.OK);
            Assert.Equal("Draft", (string?)sheet["scoreStatus"]);
            Assert.Equal([80m, 70m], sheet["scores"]!.AsArray().Select(s => (decimal)s!["score"]!));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class ScoringWindowTestsOnSqlite(SqliteHost host) : ScoringWindowTests(host), IClassFixture<SqliteHost>;
public sealed class ScoringWindowTestsOnPostgres(PostgresHost host) : ScoringWindowTests(host), IClassFixture<PostgresHost>;
public sealed class ScoringWindowTestsOnSqlServer(SqlServerHost host) : ScoringWindowTests(host), IClassFixture<SqlServerHost>;
