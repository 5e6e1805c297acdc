using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Rounds;

public abstract class UpdateRoundTests(JiebangHost host) : HostTests(host)
{
    private static object Settings(DateTimeOffset now, int expertsPerItem, string visibility, object[] criteria) => new
    {
        name = "需求论证（修改后）",
        criteria,
        passThreshold = 70m,
        expertsPerItem,
        maxLoadPerExpert = 4,
        spreadLimit = 15m,
        scoringOpensAt = now.AddDays(1),
        scoringClosesAt = now.AddDays(5),
        visibility,
    };

    [Fact]
    public async Task A_draft_round_is_edited_with_its_version_and_only_while_it_is_a_draft()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var now = Host.Clock.GetUtcNow();
        var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("NeedReview", now)).Expect(HttpStatusCode.Created);
        var id = (string)round["id"]!;
        Assert.Equal("SealedUntilClose", (string?)round["visibility"]);
        var url = $"/api/v1/review/rounds/{id}";
        var etag = $"\"{(int)round["version"]!}\"";
        object[] rubric =
        [
            new { name = "卡点紧迫性", weight = 0.5m, maxScore = 10, threshold = 6m },
            new { name = "指标可验证", weight = 0.3m, maxScore = 10 },
            new { name = "采购承诺", weight = 0.2m, maxScore = 10 },
        ];
        var body = Settings(now, 4, "AfterOwnSubmission", rubric);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, body).ExpectProblem((HttpStatusCode)428, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, body, "\"99\"").ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, Settings(now, 4, "AfterOwnSubmission", []), etag)
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, Settings(now, 4, "Whenever", rubric), etag)
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, async () => await (await Host.As(Cast.IssuerA)).PutJson(url, body, etag)
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));

        var edited = await tf.PutJson(url, body, etag).Expect(HttpStatusCode.OK);
        Assert.Equal(((int)round["version"]!) + 1, (int)edited["version"]!);
        Assert.Equal(("需求论证（修改后）", 4, 4, 70m, "AfterOwnSubmission"),
            ((string)edited["name"]!, (int)edited["expertsPerItem"]!, (int)edited["maxLoadPerExpert"]!, (decimal)edited["passThreshold"]!, (string)edited["visibility"]!));
        Assert.Equal(["卡点紧迫性", "指标可验证", "采购承诺"], edited["criteria"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal(6m, (decimal)edited["criteria"]![0]!["threshold"]!);
        var audit = await tf.GetAsync($"/api/v1/audit?entityId={id}&action=Update").Expect(HttpStatusCode.OK);
        Assert.Equal(1, (int)audit["total"]!);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, body, etag).ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));

        // Once assignment has started the settings are fixed.
        var batch = await Scenario.OpenBatchAsync();
        var challenge = await review.ChallengeUnderReviewAsync(Guid.Parse((string)batch["id"]!), Cast.IssuerA);
        await tf.PostJson($"{url}/items", new { subjectId = challenge }).Expect(HttpStatusCode.OK);
        var assigned = await tf.PostJson($"{url}/assign").Expect(HttpStatusCode.OK);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, body, $"\"{(int)assigned["version"]!}\"")
            .ExpectProblem(HttpStatusCode.Conflict, "review.round_invalid_state"));
        var list = await tf.GetAsync("/api/v1/review/rounds").Expect(HttpStatusCode.OK);
        var listed = list.AsArray().Single(r => (string)r!["id"]! == id)!;
        Assert.Equal(("Assigning", 1, false), ((string)listed["status"]!, (int)listed["items"]!, (bool)listed["isDemo"]!));
    }
}

public sealed class UpdateRoundTestsOnSqlite(SqliteHost host) : UpdateRoundTests(host), IClassFixture<SqliteHost>;
public sealed class UpdateRoundTestsOnPostgres(PostgresHost host) : UpdateRoundTests(host), IClassFixture<PostgresHost>;
public sealed class UpdateRoundTestsOnSqlServer(SqlServerHost host) : UpdateRoundTests(host), IClassFixture<SqlServerHost>;
