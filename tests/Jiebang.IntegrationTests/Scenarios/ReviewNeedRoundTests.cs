using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;

namespace Jiebang.IntegrationTests.Scenarios;

public abstract class ReviewNeedRoundTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task A_need_round_assigns_only_unconflicted_experts_reports_short_items_and_keeps_scores_independent_until_close()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var batch = await Scenario.OpenBatchAsync();
        var batchId = Guid.Parse((string)batch["id"]!);
        var a1 = await review.ChallengeUnderReviewAsync(batchId, Cast.IssuerA);
        var b1 = await review.ChallengeUnderReviewAsync(batchId, Cast.IssuerB);
        var a2 = await review.ChallengeUnderReviewAsync(batchId, Cast.IssuerA);
        var draft = await Scenario.DraftAsync(batchId, Cast.IssuerA);

        var clean = new List<ReviewScenario.ExpertUser>();
        for (var i = 0; i < 5; i++)
        {
            clean.Add(await review.ExpertAsync());
        }
        var affiliatedWithA = await review.ExpertAsync(affiliation: Host.Cast.IssuerAOrg);
        var declaredB = await review.ExpertAsync(conflicts: [Host.Cast.IssuerBOrg]);
        var otherField = await review.ExpertAsync(fields: ["Biomedicine"]);
        var everyone = clean.Append(affiliatedWithA).Append(declaredB).Append(otherField).ToDictionary(e => e.Id);

        var now = Host.Clock.GetUtcNow();
        var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("NeedReview", now)).Expect(HttpStatusCode.Created);
        var roundId = (string)round["id"]!;
        Assert.Equal("Draft", (string?)round["status"]);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = (string)draft["id"]! })
            .ExpectProblem(HttpStatusCode.Conflict, "review.item_not_reviewable"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/assign")
            .ExpectProblem(HttpStatusCode.Conflict, "review.no_items"));
        foreach (var c in new[] { a1, b1, a2 })
        {
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = c }).Expect(HttpStatusCode.OK);
        }
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = a1 })
            .ExpectProblem(HttpStatusCode.Conflict, "review.item_exists"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/open-scoring")
            .ExpectProblem(HttpStatusCode.Conflict, "review.round_invalid_state"));

        var detail = await tf.GetAsync($"/api/v1/review/rounds/{roundId}").Expect(HttpStatusCode.OK);
        var itemOf = detail["items"]!.AsArray().ToDictionary(i => Guid.Parse((string)i!["subjectId"]!), i => Guid.Parse((string)i!["id"]!));
        var issuerOf = new Dictionary<Guid, string> { [itemOf[a1]] = "A", [itemOf[b1]] = "B", [itemOf[a2]] = "A" };

        // Seven experts in the field, one item each at most: two items get three, the third is short and gets nobody.
        var first = await tf.PostJson($"/api/v1/review/rounds/{roundId}/assign").Expect(HttpStatusCode.OK);
        var pairs = ReviewScenario.Pairs(first).ToList();
        Assert.Equal(6, pairs.Count);
        var shortItem = Assert.Single(first["short"]!.AsArray());
        Assert.Equal(3, (int)shortItem!["needed"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)shortItem["reason"]));
        Assert.DoesNotContain(pairs, p => p.Item == Guid.Parse((string)shortItem["itemId"]!));

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/open-scoring")
            .ExpectProblem(HttpStatusCode.Conflict, "review.items_short"));
        for (var i = 0; i < 4; i++)
        {
            clean.Add(await review.ExpertAsync());
            everyone[clean[^1].Id] = clean[^1];
        }
        var second = await tf.PostJson($"/api/v1/review/rounds/{roundId}/assign").Expect(HttpStatusCode.OK);
        Assert.Empty(second["short"]!.AsArray());
        pairs.AddRange(ReviewScenario.Pairs(second));
        Assert.Equal(9, pairs.Count);
        Assert.All(itemOf.Values, item => Assert.Equal(3, pairs.Count(p => p.Item == item)));
        Assert.DoesNotContain(pairs, p => p.Expert == affiliatedWithA.Id && issuerOf[p.Item] == "A");
        Assert.DoesNotContain(pairs, p => p.Expert == declaredB.Id && issuerOf[p.Item] == "B");
        Assert.DoesNotContain(pairs, p => p.Expert == otherField.Id);
        Assert.All(pairs.GroupBy(p => p.Expert), g => Assert.Single(g));

        await tf.PostJson($"/api/v1/review/rounds/{roundId}/open-scoring").Expect(HttpStatusCode.OK);

        // The expert of the first item declines; a replacement under the same rules keeps the count.
        var item1 = itemOf[a1];
        var onItem1 = pairs.Where(p => p.Item == item1).Select(p => everyone[p.Expert]).ToList();
        var decliner = await Host.As(onItem1[0].UserName);
        var mine = await decliner.GetAsync("/api/v1/review/me/assignments").Expect(HttpStatusCode.OK);
        var declinedId = (string)Assert.Single(mine.AsArray())!["id"]!;
        await DatabaseSnapshot.Unchanged(Host, () => decliner.PostJson($"/api/v1/review/assignments/{declinedId}/decline", new { reason = "", recuse = false })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var declined = await decliner.PostJson($"/api/v1/review/assignments/{declinedId}/decline", new { reason = "出差无法参加", recuse = false })
            .Expect(HttpStatusCode.OK);
        var replacement = Guid.Parse((string)declined["replacementExpertId"]!);
        Assert.NotEqual(onItem1[0].Id, replacement);
        Assert.NotEqual(affiliatedWithA.Id, replacement);
        Assert.Null(declined["short"]);
        Assert.DoesNotContain(pairs, p => p.Expert == replacement);
        onItem1 = [onItem1[1], onItem1[2], everyone[replacement]];
        var afterDecline = await tf.GetAsync($"/api/v1/review/rounds/{roundId}").Expect(HttpStatusCode.OK);
        Assert.Equal(3, (int)afterDecline["items"]!.AsArray().Single(i => (string)i!["id"]! == item1.ToString())!["activeAssignments"]!);

        // Scores are independent: an expert sees its own sheet only, and no results, until the round closes.
        var scorers = new List<(HttpClient Client, string Assignment)>();
        foreach (var e in onItem1)
        {
            var client = await Host.As(e.UserName);
            var own = await client.GetAsync("/api/v1/review/me/assignments").Expect(HttpStatusCode.OK);
            scorers.Add((client, (string)own.AsArray().Single(x => (string)x!["status"]! == "Active")!["id"]!));
        }
        var (expert, assignment) = scorers[0];
        await expert.GetAsync($"/api/v1/review/assignments/{scorers[1].Assignment}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await expert.GetAsync($"/api/v1/review/rounds/{roundId}/results").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await tf.GetAsync($"/api/v1/review/rounds/{roundId}/results").ExpectProblem(HttpStatusCode.Conflict, "review.round_not_closed");
        await DatabaseSnapshot.Unchanged(Host, () => expert.PutJson($"/api/v1/review/assignments/{scorers[1].Assignment}/score",
            new { scores = new[] { new { ordinal = 1, score = 90 } } }).ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => expert.PutJson($"/api/v1/review/assignments/{assignment}/score",
            new { scores = new[] { new { ordinal = 1, score = 101 } } }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => expert.PutJson($"/api/v1/review/assignments/{assignment}/score",
            new { scores = new[] { new { ordinal = 3, score = 10 } } }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var saved = await expert.PutJson($"/api/v1/review/assignments/{assignment}/score",
            new { scores = new[] { new { ordinal = 1, score = 80 } }, comment = "草稿" }).Expect(HttpStatusCode.OK);
        Assert.Equal("Draft", (string?)saved["scoreStatus"]);
        await DatabaseSnapshot.Unchanged(Host, () => expert.PostJson($"/api/v1/review/assignments/{assignment}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "review.score_incomplete"));

        // Totals 0.6a + 0.4b: 76, 78, 74 → mean 76 (three sheets: no trimming), deviation √(8/3) = 1.63, spread 4.
        decimal[][] sheets = [[80, 70], [90, 60], [70, 80]];
        for (var i = 0; i < 3; i++)
        {
            await scorers[i].Client.PutJson($"/api/v1/review/assignments/{scorers[i].Assignment}/score", new
            {
                scores = new[] { new { ordinal = 1, score = sheets[i][0] }, new { ordinal = 2, score = sheets[i][1] } }, comment = "意见",
            }).Expect(HttpStatusCode.OK);
            var submitted = await scorers[i].Client.PostJson($"/api/v1/review/assignments/{scorers[i].Assignment}/submit").Expect(HttpStatusCode.OK);
            Assert.Equal("Submitted", (string?)submitted["scoreStatus"]);
        }
        await DatabaseSnapshot.Unchanged(Host, () => expert.PutJson($"/api/v1/review/assignments/{assignment}/score",
            new { scores = new[] { new { ordinal = 1, score = 10 } } }).ExpectProblem(HttpStatusCode.Conflict, "review.score_locked"));
        await DatabaseSnapshot.Unchanged(Host, () => expert.PostJson($"/api/v1/review/assignments/{assignment}/decline", new { reason = "晚了", recuse = false })
            .ExpectProblem(HttpStatusCode.Conflict, "review.score_locked"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/close")
            .ExpectProblem(HttpStatusCode.Conflict, "review.scoring_open"));

        var saved2 = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(now.AddDays(3));
            var other = scorers[1].Client;
            var otherAssignment = (await other.GetAsync("/api/v1/review/me/assignments").Expect(HttpStatusCode.OK)).AsArray();
            Assert.Single(otherAssignment);
            var closed = await tf.PostJson($"/api/v1/review/rounds/{roundId}/close").Expect(HttpStatusCode.OK);
            Assert.Equal("Closed", (string?)closed["status"]);
            await expert.GetAsync($"/api/v1/review/rounds/{roundId}/results").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
            var results = await tf.GetAsync($"/api/v1/review/rounds/{roundId}/results").Expect(HttpStatusCode.OK);
            var top = results["items"]!.AsArray()[0]!;
            Assert.Equal(item1.ToString(), (string?)top["itemId"]);
            Assert.Equal(3, (int)top["count"]!);
            Assert.Equal(76m, (decimal)top["trimmedMean"]!);
            Assert.False((bool)top["trimmed"]!);
            Assert.Equal(1.63m, (decimal)top["standardDeviation"]!);
            Assert.Equal(4m, (decimal)top["spread"]!);
            Assert.False((bool)top["spreadFlag"]!);
            Assert.Equal(1, (int)top["rank"]!);
            Assert.True((bool)top["passed"]!);
            Assert.Equal(80m, (decimal)top["criteria"]![0]!["mean"]!);
            Assert.All(results["items"]!.AsArray().Skip(1), r => Assert.Equal(0, (int)r!["count"]!));
            Assert.All(results["items"]!.AsArray().Skip(1), r => Assert.Null(r!["rank"]));

            // Closing kept the results per item and criterion; a round closed before results were kept (no rows) is
            // computed from its sheets, to the same figures.
            var closedRound = Guid.Parse(roundId);
            await using (var connection = await Host.Db.OpenAsync())
            {
                Assert.Equal(results["items"]!.AsArray().Count,
                    await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM review_item_result WHERE round_id = @Id", new { Id = closedRound }));
                Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM review_item_criterion_result WHERE round_id = @Id", new { Id = closedRound }));
                await connection.ExecuteAsync("DELETE FROM review_item_criterion_result WHERE round_id = @Id", new { Id = closedRound });
                await connection.ExecuteAsync("DELETE FROM review_item_result WHERE round_id = @Id", new { Id = closedRound });
            }
            var computed = await tf.GetAsync($"/api/v1/review/rounds/{roundId}/results").Expect(HttpStatusCode.OK);
            // Numbers compared as numbers: kept figures come back as 76 where the arithmetic wrote 76.0.
            Assert.True(JsonNode.DeepEquals(results, computed), $"kept:     {results.ToJsonString()}\ncomputed: {computed.ToJsonString()}");

            // The export carries per-expert scores and is for the task force only.
            await expert.GetAsync($"/api/v1/review/rounds/{roundId}/export").Expect(HttpStatusCode.Forbidden);
            var export = await tf.GetAsync($"/api/v1/review/rounds/{roundId}/export");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
            using (var xlsx = new MemoryStream(await export.Content.ReadAsByteArrayAsync()))
            {
                var resultRows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "结果 Results").Cast<IDictionary<string, object>>().ToList();
                Assert.Equal(3, resultRows.Count);
                Assert.Equal(76m, Convert.ToDecimal(resultRows[0]["截尾均值 Trimmed mean"], System.Globalization.CultureInfo.InvariantCulture));
                xlsx.Position = 0;
                var scoreRows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "专家评分 Scores").Cast<IDictionary<string, object>>().ToList();
                Assert.Equal(10, scoreRows.Count);
                Assert.Equal(3, scoreRows.Count(r => (string)r["评分状态 Score status"] == "Submitted"));
                Assert.Single(scoreRows, r => (string)r["任务 Assignment"] == "Declined");
            }

            foreach (var action in new[] { "Assign", "OpenScoring", "Close", "Replace" })
            {
                var audit = await tf.GetAsync($"/api/v1/audit?entityId={roundId}&action={action}").Expect(HttpStatusCode.OK);
                Assert.True((int)audit["total"]! >= 1, action);
            }
            var declineAudit = await tf.GetAsync($"/api/v1/audit?entityId={declinedId}&action=Decline").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)declineAudit["total"]!);

            // Decisions with reasons, publication with an objection period, objections resolved on record, then final.
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/decide")
                .ExpectProblem(HttpStatusCode.Conflict, "review.items_undecided"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemOf[a1]}/decision", new { outcome = "Pass", reason = "" })
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemOf[a1]}/decision", new { outcome = "Pass", reason = "排名第一，通过" }).Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemOf[b1]}/decision", new { outcome = "Fail", reason = "未获评分" }).Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemOf[a2]}/decision", new { outcome = "Fail", reason = "未获评分" }).Expect(HttpStatusCode.OK);
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/publicise")
                .ExpectProblem(HttpStatusCode.Conflict, "review.round_invalid_state"));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/decide").Expect(HttpStatusCode.OK);
            var publicised = await tf.PostJson($"/api/v1/review/rounds/{roundId}/publicise").Expect(HttpStatusCode.OK);
            Assert.Equal(Host.Clock.GetUtcNow().AddDays(5), DateTimeOffset.Parse((string)publicised["objectionsCloseAt"]!));

            var issuerB = await Host.As(Cast.IssuerB);
            var list = await issuerB.GetAsync($"/api/v1/review/rounds/{roundId}/publication").Expect(HttpStatusCode.OK);
            Assert.Equal(3, list["decisions"]!.AsArray().Count);
            await (await Host.As(Cast.Applicant)).GetAsync($"/api/v1/review/rounds/{roundId}/publication").ExpectProblem(HttpStatusCode.NotFound, "not_found");
            await DatabaseSnapshot.Unchanged(Host, () => issuerB.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId = itemOf[a1], reason = "不服" })
                .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
            var objection = await issuerB.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId = itemOf[b1], reason = "评审专家未给出评分" })
                .Expect(HttpStatusCode.Created);
            var upheld = await (await Host.As(Cast.IssuerA)).PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId = itemOf[a2], reason = "专家未评分即被驳回" })
                .Expect(HttpStatusCode.Created);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/objections/{upheld["id"]}/resolve", new { outcome = "Upheld", resolution = "异议成立，改为通过" })
                .Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemOf[a2]}/decision", new { outcome = "Pass", reason = "异议成立，经复核通过" }).Expect(HttpStatusCode.OK);
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/finalise")
                .ExpectProblem(HttpStatusCode.Conflict, "review.objection_period_open"));
            Host.Clock.SetUtcNow(now.AddDays(9));
            await DatabaseSnapshot.Unchanged(Host, () => issuerB.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId = itemOf[b1], reason = "再议" })
                .ExpectProblem(HttpStatusCode.Conflict, "review.objection_period_closed"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/finalise")
                .ExpectProblem(HttpStatusCode.Conflict, "review.objections_open"));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/objections/{objection["id"]}/resolve", new { outcome = "Dismissed", resolution = "该需求未达论证要求，维持原决定" })
                .Expect(HttpStatusCode.OK);
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{roundId}/objections/{objection["id"]}/resolve",
                new { outcome = "Upheld", resolution = "改判" }).ExpectProblem(HttpStatusCode.Conflict, "review.objection_resolved"));
            await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemOf[b1]}/decision", new { outcome = "Pass", reason = "改判" })
                .ExpectProblem(HttpStatusCode.Conflict, "review.round_invalid_state"));
            var final = await tf.PostJson($"/api/v1/review/rounds/{roundId}/finalise").Expect(HttpStatusCode.OK);
            Assert.Equal("Final", (string?)final["status"]);
            Assert.Equal("Approved", (string?)(await tf.GetAsync($"/api/v1/challenges/{a1}").Expect(HttpStatusCode.OK))["status"]);
            Assert.Equal("Rejected", (string?)(await tf.GetAsync($"/api/v1/challenges/{b1}").Expect(HttpStatusCode.OK))["status"]);
            Assert.Equal("Approved", (string?)(await tf.GetAsync($"/api/v1/challenges/{a2}").Expect(HttpStatusCode.OK))["status"]);
            var decideAudit = await tf.GetAsync($"/api/v1/audit?entityId={itemOf[a1]}&action=Decide").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)decideAudit["total"]!);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved2);
        }
    }
}

public sealed class ReviewNeedRoundTestsOnSqlite(SqliteHost host) : ReviewNeedRoundTests(host), IClassFixture<SqliteHost>;
public sealed class ReviewNeedRoundTestsOnPostgres(PostgresHost host) : ReviewNeedRoundTests(host), IClassFixture<PostgresHost>;
public sealed class ReviewNeedRoundTestsOnSqlServer(SqlServerHost host) : ReviewNeedRoundTests(host), IClassFixture<SqlServerHost>;
