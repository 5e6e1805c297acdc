using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Assignments;

public abstract class SaveScoreOutsideWindowTests(JiebangHost host) : HostTests(host)
{
    private static object Sheet(decimal first, decimal second) => new
    {
        scores = new[] { new { ordinal = 1, score = first }, new { ordinal = 2, score = second } }, comment = "意见",
    };

    [Fact]
    public async Task An_expert_scores_only_while_the_round_is_scoring_and_its_window_is_open_and_a_refused_sheet_stores_nothing()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var me = await review.ExpertAsync();
            var item = await review.ApplicationItemAsync(team: [new { name = "孙洁", title = "教授", role = "项目负责人" }], expertsPerItem: 1);
            var assigned = await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/assignments",
                new { itemId = item.ItemId, expertId = me.Id, reason = "熟悉该方向" }).Expect(HttpStatusCode.Created);
            var sheet = $"/api/v1/review/assignments/{assigned["assignmentId"]}/score";
            var submit = $"/api/v1/review/assignments/{assigned["assignmentId"]}/submit";
            var expert = await Host.As(me.UserName);

            // The round is still a draft: the window is open by the clock, but scoring has not been opened.
            await DatabaseSnapshot.Unchanged(Host, () => expert.PutJson(sheet, Sheet(80, 70)).ExpectProblem(HttpStatusCode.Conflict, "review.scoring_closed"));

            await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/assign").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/open-scoring").Expect(HttpStatusCode.OK);
            await expert.PutJson(sheet, Sheet(80, 70)).Expect(HttpStatusCode.OK);

            // The round is scoring, but its window has closed by the clock.
            var round = await tf.GetAsync($"/api/v1/review/rounds/{item.RoundId}").Expect(HttpStatusCode.OK);
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)round["scoringClosesAt"]!, System.Globalization.CultureInfo.InvariantCulture));
            await DatabaseSnapshot.Unchanged(Host, () => expert.PutJson(sheet, Sheet(90, 90)).ExpectProblem(HttpStatusCode.Conflict, "review.scoring_closed"));
            await DatabaseSnapshot.Unchanged(Host, () => expert.PostJson(submit).ExpectProblem(HttpStatusCode.Conflict, "review.scoring_closed"));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class SaveScoreOutsideWindowTestsOnSqlite(SqliteHost host) : SaveScoreOutsideWindowTests(host), IClassFixture<SqliteHost>;
public sealed class SaveScoreOutsideWindowTestsOnPostgres(PostgresHost host) : SaveScoreOutsideWindowTests(host), IClassFixture<PostgresHost>;
public sealed class SaveScoreOutsideWindowTestsOnSqlServer(SqlServerHost host) : SaveScoreOutsideWindowTests(host), IClassFixture<SqlServerHost>;
