using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Assignments;

public abstract class RemoveAssignmentTests(JiebangHost host) : HostTests(host)
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonNode Row(JsonNode board, string assignmentId) =>
        board["assignments"]!.AsArray().Single(a => (string)a!["assignmentId"]! == assignmentId)!;

    [Fact]
    public async Task The_task_force_removes_and_reassigns_by_hand_under_the_conflict_rule_and_the_board_shows_loads_and_short_items()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            var experts = new List<ReviewScenario.ExpertUser>();
            for (var i = 0; i < 3; i++)
            {
                experts.Add(await review.ExpertAsync());
            }
            var conflicted = await review.ExpertAsync(conflicts: [Host.Cast.ApplicantOrg]);
            var biomedicine = await review.ExpertAsync(fields: ["Biomedicine"]);
            var byId = experts.Append(conflicted).Append(biomedicine).ToDictionary(e => e.Id);
            var item = await review.ApplicationItemAsync(team: [new { name = "赵强", title = "研究员", role = "项目负责人" }], expertsPerItem: 2);
            var outcome = await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/assign").Expect(HttpStatusCode.OK);
            // Least load first, ties by expert id: the first two experts created.
            Assert.Equal([experts[0].Id, experts[1].Id], ReviewScenario.Pairs(outcome).Select(p => p.Expert).Order());
            await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/open-scoring").Expect(HttpStatusCode.OK);

            var board = await tf.GetAsync($"/api/v1/review/rounds/{item.RoundId}/board").Expect(HttpStatusCode.OK);
            Assert.Equal(2, board["assignments"]!.AsArray().Count);
            Assert.All(board["loads"]!.AsArray(), l => Assert.Equal(1, (int)l!["load"]!));
            Assert.Empty(board["short"]!.AsArray());
            var first = (string)board["assignments"]!.AsArray().Single(a => (string)a!["expertId"]! == experts[0].Id.ToString())!["assignmentId"]!;
            var second = (string)board["assignments"]!.AsArray().Single(a => (string)a!["expertId"]! == experts[1].Id.ToString())!["assignmentId"]!;
            var expertClient = await Host.As(experts[0].UserName);
            await expertClient.GetAsync($"/api/v1/review/rounds/{item.RoundId}/board").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
            await (await Host.As(Cast.Auditor)).GetAsync($"/api/v1/review/rounds/{item.RoundId}/board").Expect(HttpStatusCode.OK);

            // Refused: no reason, a conflicted or returning replacement, an assignment of another round; nothing is written.
            var remove = $"/api/v1/review/rounds/{item.RoundId}/assignments/{first}/remove";
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(remove, new { reason = "", replacement = "None" }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(remove, new { reason = "调整", replacement = "Named" })
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(remove, new { reason = "调整", replacement = "Named", replacementExpertId = conflicted.Id })
                .ExpectProblem(HttpStatusCode.Conflict, "review.expert_conflicted"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(remove, new { reason = "调整", replacement = "Named", replacementExpertId = experts[1].Id })
                .ExpectProblem(HttpStatusCode.Conflict, "review.already_assigned"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{Guid.NewGuid()}/assignments/{first}/remove", new { reason = "调整", replacement = "None" })
                .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
            await DatabaseSnapshot.Unchanged(Host, () => expertClient.PostJson(remove, new { reason = "调整", replacement = "None" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));

            // Removed without replacement: the item is short, and the board says why.
            var removed = await tf.PostJson(remove, new { reason = "与申报单位有未申报的合作关系", replacement = "None" }).Expect(HttpStatusCode.OK);
            Assert.Null(removed["replacementExpertId"]);
            Assert.Equal(1, (int)removed["short"]!["needed"]!);
            board = await tf.GetAsync($"/api/v1/review/rounds/{item.RoundId}/board").Expect(HttpStatusCode.OK);
            Assert.Equal("Removed", (string?)Row(board, first)["status"]);
            Assert.Equal("与申报单位有未申报的合作关系", (string?)Row(board, first)["endReason"]);
            var shortItem = Assert.Single(board["short"]!.AsArray())!;
            Assert.Equal((1, 1, 1), ((int)shortItem["needed"]!, (int)shortItem["available"]!, (int)shortItem["conflicted"]!));
            Assert.False(string.IsNullOrWhiteSpace((string?)shortItem["reason"]));
            Assert.Equal([experts[1].Id.ToString()], board["loads"]!.AsArray().Select(l => (string)l!["expertId"]!));
            var audit = await tf.GetAsync($"/api/v1/audit?entityId={first}&action=Remove").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)audit["total"]!);
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(remove, new { reason = "再次", replacement = "None" }).ExpectProblem(HttpStatusCode.Conflict, "review.assignment_ended"));
            await DatabaseSnapshot.Unchanged(Host, () => expertClient.PutJson($"/api/v1/review/assignments/{first}/score",
                new { scores = new[] { new { ordinal = 1, score = 80 } } }).ExpectProblem(HttpStatusCode.Conflict, "review.assignment_ended"));

            // Reassigned automatically: the only unconflicted expert never on the item takes the place.
            var reassigned = await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/assignments/{second}/remove",
                new { reason = "专家身体原因", replacement = "Automatic" }).Expect(HttpStatusCode.OK);
            Assert.Equal(experts[2].Id.ToString(), (string?)reassigned["replacementExpertId"]);
            Assert.Equal(1, (int)reassigned["short"]!["needed"]!);
            var third = (string)reassigned["replacementAssignmentId"]!;

            // Reassigned to a named expert outside the field: forced, with the written reason and the departure on record.
            var forced = await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/assignments/{third}/remove",
                new { reason = "需要生物医药视角", replacement = "Named", replacementExpertId = biomedicine.Id }).Expect(HttpStatusCode.OK);
            Assert.Equal(["FieldMismatch"], forced["departures"]!.AsArray().Select(d => (string)d!));
            var hand = await tf.GetAsync($"/api/v1/audit?entityId={item.RoundId}&action=AssignByHand").Expect(HttpStatusCode.OK);
            Assert.Contains("需要生物医药视角", hand["items"]!.ToJsonString(Relaxed));

            // A submitted sheet is locked: its assignment cannot be removed.
            var bio = await Host.As(biomedicine.UserName);
            var bioAssignment = (string)forced["replacementAssignmentId"]!;
            await ReviewScenario.ScoreAndSubmitAsync(bio, bioAssignment, 80, 70);
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/assignments/{bioAssignment}/remove",
                new { reason = "调整", replacement = "None" }).ExpectProblem(HttpStatusCode.Conflict, "review.score_locked"));
            board = await tf.GetAsync($"/api/v1/review/rounds/{item.RoundId}/board").Expect(HttpStatusCode.OK);
            Assert.Equal(["Removed", "Removed", "Removed", "Active"], board["assignments"]!.AsArray().Select(a => (string)a!["status"]!));
            Assert.Equal("Submitted", (string?)Row(board, bioAssignment)["scoreStatus"]);
            Assert.Equal(byId[biomedicine.Id].Id.ToString(), (string?)Assert.Single(board["loads"]!.AsArray())!["expertId"]);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class RemoveAssignmentTestsOnSqlite(SqliteHost host) : RemoveAssignmentTests(host), IClassFixture<SqliteHost>;
public sealed class RemoveAssignmentTestsOnPostgres(PostgresHost host) : RemoveAssignmentTests(host), IClassFixture<PostgresHost>;
public sealed class RemoveAssignmentTestsOnSqlServer(SqlServerHost host) : RemoveAssignmentTests(host), IClassFixture<SqlServerHost>;
