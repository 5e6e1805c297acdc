using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Assignments;

public abstract class AssignByHandInactiveExpertTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task An_expert_the_task_force_deactivated_is_not_assigned_by_hand_and_nothing_is_stored()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var expert = await review.ExpertAsync();
            var profile = await tf.GetAsync($"/api/v1/review/experts/{expert.Id}").Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/experts/{expert.Id}", new
            {
                name = (string)profile["name"]!, title = (string?)profile["title"], fields = profile["fields"]!.AsArray().Select(f => (string)f!).ToArray(),
                affiliationOrganisationId = (Guid?)null, declaredConflicts = Array.Empty<Guid>(), declaredPersonConflicts = Array.Empty<object>(), active = false,
            }, $"\"{(int)profile["version"]!}\"").Expect(HttpStatusCode.OK);
            var item = await review.ApplicationItemAsync(team: [new { name = "赵磊", title = "研究员", role = "项目负责人" }]);

            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/assignments",
                    new { itemId = item.ItemId, expertId = expert.Id, reason = "熟悉该方向" })
                .ExpectProblem(HttpStatusCode.Conflict, "review.expert_inactive"));
            var board = await tf.GetAsync($"/api/v1/review/rounds/{item.RoundId}/board").Expect(HttpStatusCode.OK);
            Assert.DoesNotContain(expert.Id.ToString(), board.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class AssignByHandInactiveExpertTestsOnSqlite(SqliteHost host) : AssignByHandInactiveExpertTests(host), IClassFixture<SqliteHost>;
public sealed class AssignByHandInactiveExpertTestsOnPostgres(PostgresHost host) : AssignByHandInactiveExpertTests(host), IClassFixture<PostgresHost>;
public sealed class AssignByHandInactiveExpertTestsOnSqlServer(SqlServerHost host) : AssignByHandInactiveExpertTests(host), IClassFixture<SqlServerHost>;
