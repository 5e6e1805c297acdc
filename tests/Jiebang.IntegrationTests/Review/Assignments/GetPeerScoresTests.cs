using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Assignments;

/// <summary>Each visibility policy in its own database, so each round draws on its own experts.</summary>
public abstract class ScoreVisibilityTests(JiebangHost host) : HostTests(host)
{
    protected async Task<(ReviewScenario.ApplicationItem Item, HttpClient First, string FirstAssignment, HttpClient Second, string SecondAssignment)>
        ScoringAsync(string visibility)
    {
        var (item, first, a1, second, a2) = await new ReviewScenario(Host).AssignedToTwoExpertsAsync(visibility);
        await (await Host.As(Cast.TaskForce)).PostJson($"/api/v1/review/rounds/{item.RoundId}/open-scoring").Expect(HttpStatusCode.OK);
        return (item, first, a1, second, a2);
    }
}

public abstract class SealedScoresTests(JiebangHost host) : ScoreVisibilityTests(host)
{
    [Fact]
    public async Task By_default_no_expert_sees_another_experts_scores_before_the_round_closes_even_after_submitting()
    {
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var (item, first, a1, second, a2) = await ScoringAsync("SealedUntilClose");
            await ReviewScenario.ScoreAndSubmitAsync(first, a1, 80, 70);
            await ReviewScenario.ScoreAndSubmitAsync(second, a2, 90, 60);
            await first.GetAsync($"/api/v1/review/assignments/{a1}/peers").ExpectProblem(HttpStatusCode.NotFound, "not_found");
            await first.GetAsync($"/api/v1/review/assignments/{a2}/peers").ExpectProblem(HttpStatusCode.NotFound, "not_found");
            await first.GetAsync($"/api/v1/review/assignments/{a2}").ExpectProblem(HttpStatusCode.NotFound, "not_found");

            await (await Host.As(Cast.TaskForce)).PostJson($"/api/v1/review/rounds/{item.RoundId}/close").Expect(HttpStatusCode.OK);
            var peers = await first.GetAsync($"/api/v1/review/assignments/{a1}/peers").Expect(HttpStatusCode.OK);
            var sheet = Assert.Single(peers["sheets"]!.AsArray())!;
            Assert.Equal(78m, (decimal)sheet["weightedTotal"]!);
            Assert.Null(sheet["expertId"]);
            await first.GetAsync($"/api/v1/review/assignments/{a2}/peers").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public abstract class PeerScoresAfterSubmissionTests(JiebangHost host) : ScoreVisibilityTests(host)
{
    [Fact]
    public async Task A_round_that_allows_it_shows_an_expert_the_others_submitted_sheets_once_its_own_is_submitted_and_never_names_them()
    {
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var (_, first, a1, second, a2) = await ScoringAsync("AfterOwnSubmission");
            await ReviewScenario.ScoreAndSubmitAsync(second, a2, 90, 60);
            // Not yet submitted: sealed, whatever the round allows.
            await first.GetAsync($"/api/v1/review/assignments/{a1}/peers").ExpectProblem(HttpStatusCode.NotFound, "not_found");
            var own = await second.GetAsync($"/api/v1/review/assignments/{a2}/peers").Expect(HttpStatusCode.OK);
            Assert.Empty(own["sheets"]!.AsArray());

            await ReviewScenario.ScoreAndSubmitAsync(first, a1, 80, 70);
            var peers = await first.GetAsync($"/api/v1/review/assignments/{a1}/peers").Expect(HttpStatusCode.OK);
            Assert.Equal("AfterOwnSubmission", (string?)peers["visibility"]);
            var sheet = Assert.Single(peers["sheets"]!.AsArray())!;
            Assert.Equal((1, 78m), ((int)sheet["reviewer"]!, (decimal)sheet["weightedTotal"]!));
            Assert.Equal([90m, 60m], sheet["scores"]!.AsArray().Select(s => (decimal)s!["score"]!));
            Assert.DoesNotContain(a2, peers.ToJsonString());
            await first.GetAsync($"/api/v1/review/assignments/{a2}/peers").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class SealedScoresTestsOnSqlite(SqliteHost host) : SealedScoresTests(host), IClassFixture<SqliteHost>;
public sealed class SealedScoresTestsOnPostgres(PostgresHost host) : SealedScoresTests(host), IClassFixture<PostgresHost>;
public sealed class SealedScoresTestsOnSqlServer(SqlServerHost host) : SealedScoresTests(host), IClassFixture<SqlServerHost>;
public sealed class PeerScoresAfterSubmissionTestsOnSqlite(SqliteHost host) : PeerScoresAfterSubmissionTests(host), IClassFixture<SqliteHost>;
public sealed class PeerScoresAfterSubmissionTestsOnPostgres(PostgresHost host) : PeerScoresAfterSubmissionTests(host), IClassFixture<PostgresHost>;
public sealed class PeerScoresAfterSubmissionTestsOnSqlServer(SqlServerHost host) : PeerScoresAfterSubmissionTests(host), IClassFixture<SqlServerHost>;
