using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Feed;

public abstract class FeedTests(JiebangHost host) : HostTests(host)
{
    /// <summary>How long a follower reading while writers go on (it may end only after they have) may take before the test fails.</summary>
    private static readonly TimeSpan FollowWhileWritingLimit = TimeSpan.FromSeconds(300);

    private static Task<(List<JsonNode> Items, string Next)> FollowAsync(HttpClient client, string? after = null, int limit = 50) =>
        FeedFollower.FollowAsync(client, after, limit);

    private static IEnumerable<JsonNode> About(IEnumerable<JsonNode> items, string id) => items.Where(i => (string?)i["resourceId"] == id);

    private async Task<(JsonNode Challenge, string ApplicationId)> SubmittedApplicationAsync(object[]? members = null)
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var application = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, members)).Expect(HttpStatusCode.Created);
        var id = (string)application["id"]!;
        await Consortia.ConfirmAllAsync(Host, id);
        await applicant.PostJson($"/api/v1/applications/{id}/submit").Expect(HttpStatusCode.OK);
        return (challenge, id);
    }

    [Fact]
    public async Task Publishing_a_batch_puts_each_challenge_on_the_public_feed_once_in_order()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var id = (string)challenge["id"]!;

        var (items, _) = await FollowAsync(Host.Anonymous(), limit: 3);
        var published = About(items, id).ToList();
        var only = Assert.Single(published);
        Assert.Equal("challenge.published", (string?)only["type"]);
        Assert.Equal((string?)challenge["code"], (string?)only["data"]!["code"]);
        Assert.Equal("Published", (string?)only["data"]!["status"]);

        var cursors = items.Select(i => (string)i["cursor"]!).ToList();
        Assert.Equal(cursors.Count, cursors.Distinct().Count());
    }

    [Fact]
    public async Task An_application_status_change_is_seen_by_its_applicant_its_district_and_the_task_force_only()
    {
        var (_, id) = await SubmittedApplicationAsync();

        async Task<int> Seen(HttpClient client) => About((await FollowAsync(client)).Items, id)
            .Count(i => (string?)i["type"] == "application.status_changed" && (string?)i["data"]!["status"] == "Submitted");

        Assert.Equal(1, await Seen(await Host.As(Cast.Applicant)));
        Assert.Equal(1, await Seen(Host.WithApiKey(Host.Cast.DistrictKey)));
        Assert.Equal(1, await Seen(await Host.As(Cast.TaskForce)));
        Assert.Equal(1, await Seen(await Host.As(Cast.Auditor)));
        Assert.Equal(0, await Seen(Host.Anonymous()));
        Assert.Equal(0, await Seen(await Host.As(Cast.IssuerA)));
        Assert.Equal(0, await Seen(await Host.As(Cast.Expert)));
        Assert.Equal(0, await Seen(Host.WithApiKey(Host.Cast.OtherDistrictKey)));
    }

    [Fact]
    public async Task A_consortium_members_district_sees_the_application_too()
    {
        var members = new object[]
        {
            new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 7000 },
            new { organisationId = Host.Cast.MemberOrg, role = "Member", budgetShareBp = 3000 },
        };
        var (_, id) = await SubmittedApplicationAsync(members);

        var seen = About((await FollowAsync(Host.WithApiKey(Host.Cast.OtherDistrictKey))).Items, id).ToList();
        Assert.Single(seen);
    }

    [Fact]
    public async Task The_formal_check_after_the_deadline_shows_as_a_status_change_to_the_applicant()
    {
        var (challenge, id) = await SubmittedApplicationAsync();
        var applicant = await Host.As(Cast.Applicant);
        var (_, cursor) = await FollowAsync(applicant);

        var batch = await Host.Anonymous().GetAsync($"/api/v1/batches/{(string)challenge["batchId"]!}").Expect(HttpStatusCode.OK);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(1));
            var tf = await Host.As(Cast.TaskForce);
            await tf.PostJson($"/api/v1/batches/{(string)challenge["batchId"]!}/eligibility-check").Expect(HttpStatusCode.OK);

            var (after, _) = await FollowAsync(applicant, cursor);
            var change = Assert.Single(About(after, id));
            Assert.Equal("Submitted", (string?)change["data"]!["from"]);
            Assert.Equal("Eligible", (string?)change["data"]!["status"]);

            var windows = after.Where(i => (string?)i["resourceId"] == (string?)challenge["batchId"]).Select(i => (string?)i["type"]).ToList();
            Assert.Contains("batch.window_closed", windows);
            // Reading again appends nothing new for the same moment.
            var (again, _) = await FollowAsync(applicant, cursor);
            Assert.Equal(after.Count, again.Count);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task Following_in_small_pages_while_writes_go_on_skips_and_repeats_nothing()
    {
        var tf = await Host.As(Cast.TaskForce);
        var (_, start) = await FollowAsync(tf);
        var batch = await Scenario.OpenBatchAsync();
        var batchId = Guid.Parse((string)batch["id"]!);
        var issuer = await Host.As(Cast.IssuerA);
        var drafts = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var draft = await Scenario.DraftAsync(batchId);
            var id = (string)draft["id"]!;
            await issuer.PostJson($"/api/v1/challenges/{id}/submit").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/challenges/{id}/approve").Expect(HttpStatusCode.OK);
            drafts.Add(id);
        }

        // Three followers read at once, so the feed is sequenced by several readers while the writers commit.
        using var stop = new CancellationTokenSource();
        var followers = Enumerable.Range(0, 3).Select(f => Task.Run(async () =>
        {
            var seen = new List<string>();
            var cursor = start;
            var deadline = DateTime.UtcNow + FollowWhileWritingLimit;
            while (true)
            {
                Assert.True(DateTime.UtcNow < deadline,
                    $"follower {f} did not reach the end of the feed within {FollowWhileWritingLimit.TotalSeconds} s after it began " +
                    $"({seen.Count} events read, writers done: {stop.IsCancellationRequested})");
                // Only a read that began after the last write was acknowledged may end the follow: a read already in flight
                // when the writers finish can rightly answer "no more" without their last events.
                var writersDone = stop.IsCancellationRequested;
                var page = await tf.GetAsync($"/api/v1/feed?limit={2 + f}&after={Uri.EscapeDataString(cursor)}").Expect(HttpStatusCode.OK);
                seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["cursor"]!));
                cursor = (string)page["next"]!;
                if (writersDone && !(bool)page["hasMore"]!)
                {
                    return seen;
                }
            }
        })).ToList();
        try
        {
            var writers = Enumerable.Range(0, 4).Select(async w =>
            {
                for (var i = 0; i < 3; i++)
                {
                    var (challenge, _) = await Scenario.PublishedAsync();
                    Assert.NotNull(challenge);
                }
            }).ToList();
            await Task.WhenAll(writers);
            await tf.PostJson($"/api/v1/batches/{batchId}/publish").Expect(HttpStatusCode.OK);
        }
        finally
        {
            // Also when a writer failed, so the followers end instead of polling until their deadline.
            await stop.CancelAsync();
        }
        var followed = await Task.WhenAll(followers);

        var (all, _) = await FollowAsync(tf, start, limit: 500);
        foreach (var seen in followed)
        {
            Assert.Equal(all.Select(i => (string)i["cursor"]!).ToList(), seen);
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
        Assert.All(drafts, id => Assert.Single(About(all, id)));
        Assert.True(all.Count >= 12 + 12, $"expected at least 24 events, saw {all.Count}");
    }

    [Fact]
    public async Task A_cursor_the_feed_did_not_issue_is_refused()
    {
        var problem = await Host.Anonymous().GetAsync("/api/v1/feed?after=not-a-cursor").ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]!["after"]);
        await Host.Anonymous().GetAsync("/api/v1/feed?limit=0").ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class FeedTestsOnSqlite(SqliteHost host) : FeedTests(host), IClassFixture<SqliteHost>;

public sealed class FeedTestsOnPostgres(PostgresHost host) : FeedTests(host), IClassFixture<PostgresHost>;

public sealed class FeedTestsOnSqlServer(SqlServerHost host) : FeedTests(host), IClassFixture<SqlServerHost>;
