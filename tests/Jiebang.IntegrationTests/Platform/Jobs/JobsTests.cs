using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;
using MiniExcelLibs;

namespace Jiebang.IntegrationTests.Platform.Jobs;

/// <summary>
/// The four long actions as background jobs: each ends with what its synchronous endpoint gives, reports progress,
/// is started once per target, is seen only by its requester (and the task force and auditors), resumes after a stop,
/// and fails with the synchronous refusal's code without changing anything.
/// </summary>
public abstract class JobsTests(JiebangHost host) : HostTests(host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Starts a job: 202, a Location to the job, and the job in the body.</summary>
    private static async Task<JsonNode> StartAsync(HttpClient client, string url, object? body = null)
    {
        var response = await client.PostJson(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {text}");
        var job = JsonNode.Parse(text)!;
        Assert.Equal($"/api/v1/jobs/{job["id"]}", response.Headers.Location?.OriginalString);
        return job;
    }

    /// <summary>Polls the job until it has finished; every reading's progress must be at least the one before.</summary>
    private static async Task<JsonNode> FinishedAsync(HttpClient client, JsonNode started)
    {
        var deadline = DateTime.UtcNow + Patience;
        var lastProcessed = 0;
        var lastPercent = 0;
        while (true)
        {
            var job = await client.GetAsync($"/api/v1/jobs/{started["id"]}").Expect(HttpStatusCode.OK);
            Assert.True((int)job["processed"]! >= lastProcessed, $"progress went back: {job}");
            Assert.True((int)job["percent"]! >= lastPercent, $"percent went back: {job}");
            lastProcessed = (int)job["processed"]!;
            lastPercent = (int)job["percent"]!;
            if ((string)job["status"]! is "Succeeded" or "Failed")
            {
                return job;
            }
            Assert.True(DateTime.UtcNow < deadline, $"the job did not finish in time: {job}");
            await Task.Delay(50);
        }
    }

    private static void Completed(JsonNode job, int total)
    {
        Assert.True((string)job["status"]! == "Succeeded", $"Expected Succeeded: {job}");
        Assert.Equal(100, (int)job["percent"]!);
        Assert.Equal(total, (int)job["total"]!);
        Assert.Equal(total, (int)job["processed"]!);
        Assert.NotNull(job["startedAt"]);
        Assert.NotNull(job["finishedAt"]);
        Assert.Null(job["problem"]);
    }

    private static List<string> Rows(byte[] workbook, string? sheet = null) =>
        MiniExcel.Query(new MemoryStream(workbook), sheetName: sheet).Cast<IDictionary<string, object?>>()
            .Select(r => string.Join("|", r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).ToList();

    private async Task<string> SubmittedAsync(HttpClient applicant, JsonNode challenge, bool withMember = false)
    {
        var body = withMember
            ? ApplicationBodies.Complete(challenge,
            [
                new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 6000 },
                new { organisationId = Host.Cast.MemberOrg, role = "Member", budgetShareBp = 4000 },
            ])
            : ApplicationBodies.Complete(challenge);
        var draft = await applicant.PostJson("/api/v1/applications", body).Expect(HttpStatusCode.Created);
        await Consortia.ConfirmAllAsync(Host, (string)draft["id"]!);
        await applicant.PostJson($"/api/v1/applications/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
        return (string)draft["id"]!;
    }

    [Fact]
    public async Task An_applications_export_job_reports_progress_and_its_file_has_the_rows_of_the_synchronous_export()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        await SubmittedAsync(applicant, challenge);
        await SubmittedAsync(applicant, challenge, withMember: true);
        await SubmittedAsync(applicant, challenge);
        var tf = await Host.As(Cast.TaskForce);

        var job = await FinishedAsync(tf, await StartAsync(tf, "/api/v1/applications/export-jobs", new { batch = batch["id"] }));
        Completed(job, 3);
        Assert.Equal("applications.export", (string)job["kind"]!);
        Assert.Equal(3, (int)job["result"]!["rows"]!);
        Assert.True((bool)job["hasFile"]!);
        var download = await tf.GetAsync($"/api/v1/jobs/{job["id"]}/result");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        var fromJob = await download.Content.ReadAsByteArrayAsync();
        var direct = await (await tf.GetAsync($"/api/v1/applications/export?batch={batch["id"]}")).Content.ReadAsByteArrayAsync();
        Assert.Equal(4, Rows(fromJob).Count);
        Assert.Equal(Rows(direct), Rows(fromJob));

        // The auditor may export too, and reads the task force's job; an issuer sees neither the job nor its file.
        var auditor = await Host.As(Cast.Auditor);
        await auditor.GetAsync($"/api/v1/jobs/{job["id"]}").Expect(HttpStatusCode.OK);
        var issuer = await Host.As(Cast.IssuerA);
        await issuer.GetAsync($"/api/v1/jobs/{job["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await issuer.GetAsync($"/api/v1/jobs/{job["id"]}/result").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await issuer.PostJson("/api/v1/applications/export-jobs", new { batch = batch["id"] }).Expect(HttpStatusCode.Forbidden);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/applications/export-jobs", new { })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));

        var mine = await tf.GetAsync("/api/v1/jobs?mine=true").Expect(HttpStatusCode.OK);
        Assert.Contains(mine.AsArray(), j => (string)j!["id"]! == (string)job["id"]!);
        Assert.DoesNotContain((await issuer.GetAsync("/api/v1/jobs").Expect(HttpStatusCode.OK)).AsArray(), j => (string)j!["id"]! == (string)job["id"]!);
    }

    [Fact]
    public async Task A_formal_check_job_decides_each_application_as_the_synchronous_check_does()
    {
        var applicant = await Host.As(Cast.Applicant);
        var tf = await Host.As(Cast.TaskForce);
        var (challengeX, batchX) = await Scenario.PublishedAsync();
        var (challengeY, batchY) = await Scenario.PublishedAsync();
        var x = new[] { await SubmittedAsync(applicant, challengeX), await SubmittedAsync(applicant, challengeX, withMember: true) };
        var y = new[] { await SubmittedAsync(applicant, challengeY), await SubmittedAsync(applicant, challengeY, withMember: true) };
        var saved = Host.Clock.GetUtcNow();
        try
        {
            // The consortium member's credit turns bad: in both batches the consortium's application fails, the other passes.
            await using (var connection = await Host.Db.OpenAsync())
            {
                await connection.ExecuteAsync("UPDATE platform_organisation SET credit_standing = 'BadRecord' WHERE id = @Id", new { Id = Host.Cast.MemberOrg });
            }
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batchY["closesAt"]!, CultureInfo.InvariantCulture).AddMinutes(1));
            var direct = await tf.PostJson($"/api/v1/batches/{batchX["id"]}/eligibility-check").Expect(HttpStatusCode.OK);
            var job = await FinishedAsync(tf, await StartAsync(tf, $"/api/v1/batches/{batchY["id"]}/eligibility-check-jobs"));
            Completed(job, 2);
            Assert.Equal("applications.eligibility-check", (string)job["kind"]!);
            Assert.False((bool)job["hasFile"]!);
            Assert.Equal(direct.ToJsonString(), job["result"]!.ToJsonString());
            Assert.Equal(1, (int)job["result"]!["eligible"]!);
            for (var i = 0; i < 2; i++)
            {
                var expected = await tf.GetAsync($"/api/v1/applications/{x[i]}").Expect(HttpStatusCode.OK);
                var actual = await tf.GetAsync($"/api/v1/applications/{y[i]}").Expect(HttpStatusCode.OK);
                Assert.Equal((string)expected["status"]!, (string)actual["status"]!);
                Assert.Equal(expected["eligibilityResults"]!.ToJsonString(), actual["eligibilityResults"]!.ToJsonString());
            }
            // Audited in the requester's name, as the synchronous check is.
            var byEndpoint = (await tf.GetAsync($"/api/v1/audit?entityId={x[1]}&action=CheckEligibility").Expect(HttpStatusCode.OK))["items"]![0]!;
            var byJob = (await tf.GetAsync($"/api/v1/audit?entityId={y[1]}&action=CheckEligibility").Expect(HttpStatusCode.OK))["items"]![0]!;
            foreach (var field in new[] { "actorId", "actorName", "actorRole", "summary" })
            {
                Assert.Equal((string?)byEndpoint[field], (string?)byJob[field]);
            }
            await (await Host.As(Cast.IssuerA)).PostJson($"/api/v1/batches/{batchY["id"]}/eligibility-check-jobs").Expect(HttpStatusCode.Forbidden);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
            await using var connection = await Host.Db.OpenAsync();
            await connection.ExecuteAsync("UPDATE platform_organisation SET credit_standing = 'Good' WHERE id = @Id", new { Id = Host.Cast.MemberOrg });
        }
    }

    /// <summary>A need-review round with two challenges (one per issuer) and three experts per item.</summary>
    private async Task<(string Round, Guid[] Items)> NeedRoundAsync(HttpClient tf, Guid batchId)
    {
        var review = new ReviewScenario(Host);
        var a = await review.ChallengeUnderReviewAsync(batchId, Cast.IssuerA);
        var b = await review.ChallengeUnderReviewAsync(batchId, Cast.IssuerB);
        var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("NeedReview", Host.Clock.GetUtcNow())).Expect(HttpStatusCode.Created);
        var roundId = (string)round["id"]!;
        var items = new List<Guid>();
        foreach (var subject in new[] { a, b })
        {
            var added = await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = subject }).Expect(HttpStatusCode.OK);
            items.Add(Guid.Parse((string)added["items"]!.AsArray().Single(i => (string)i!["subjectId"]! == subject.ToString())!["id"]!));
        }
        return (roundId, items.ToArray());
    }

    [Fact]
    public async Task An_assignment_job_assigns_the_experts_the_synchronous_assignment_does_and_a_round_export_job_gives_its_workbook()
    {
        var tf = await Host.As(Cast.TaskForce);
        var review = new ReviewScenario(Host);
        for (var i = 0; i < 8; i++)
        {
            await review.ExpertAsync();
        }
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var (first, firstItems) = await NeedRoundAsync(tf, batchId);
        var (second, secondItems) = await NeedRoundAsync(tf, batchId);

        var direct = await tf.PostJson($"/api/v1/review/rounds/{first}/assign").Expect(HttpStatusCode.OK);
        var job = await FinishedAsync(tf, await StartAsync(tf, $"/api/v1/review/rounds/{second}/assign-jobs"));
        Completed(job, 2);
        Assert.Equal("review.assign", (string)job["kind"]!);
        // Same experts on the corresponding item of each round; the job's result is what the rows hold.
        string Experts(JsonNode outcome, Guid item) => string.Join(",", ReviewScenario.Pairs(outcome).Where(p => p.Item == item).Select(p => p.Expert).Order());
        Assert.Equal(6, job["result"]!["assigned"]!.AsArray().Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(Experts(direct, firstItems[i]), Experts(job["result"]!, secondItems[i]));
        }
        var detail = await tf.GetAsync($"/api/v1/review/rounds/{second}").Expect(HttpStatusCode.OK);
        Assert.Equal("Assigning", (string)detail["status"]!);
        Assert.All(detail["items"]!.AsArray(), i => Assert.Equal(3, (int)i!["activeAssignments"]!));
        await (await Host.As(Cast.IssuerA)).GetAsync($"/api/v1/jobs/{job["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await tf.PostJson($"/api/v1/review/rounds/{Guid.NewGuid()}/assign-jobs").ExpectProblem(HttpStatusCode.NotFound, "not_found");

        // The second round through scoring to closed: its export as a job equals the synchronous export.
        var saved = Host.Clock.GetUtcNow();
        try
        {
            await tf.PostJson($"/api/v1/review/rounds/{second}/open-scoring").Expect(HttpStatusCode.OK);
            Host.Clock.SetUtcNow(saved.AddDays(3));
            await tf.PostJson($"/api/v1/review/rounds/{second}/close").Expect(HttpStatusCode.OK);
            var export = await FinishedAsync(tf, await StartAsync(tf, $"/api/v1/review/rounds/{second}/export-jobs"));
            Completed(export, 2 + 6);
            var fromJob = await (await tf.GetAsync($"/api/v1/jobs/{export["id"]}/result")).Content.ReadAsByteArrayAsync();
            var fromEndpoint = await (await tf.GetAsync($"/api/v1/review/rounds/{second}/export")).Content.ReadAsByteArrayAsync();
            foreach (var sheet in new[] { "结果 Results", "专家评分 Scores" })
            {
                Assert.Equal(Rows(fromEndpoint, sheet), Rows(fromJob, sheet));
            }
            Assert.Equal(7, Rows(fromJob, "专家评分 Scores").Count);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task A_failing_job_ends_failed_with_the_synchronous_problem_code_and_changes_nothing()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        await SubmittedAsync(applicant, challenge);
        var tf = await Host.As(Cast.TaskForce);

        // The window is still open: the formal check is refused, as POST .../eligibility-check refuses it.
        var before = await DatabaseSnapshot.TakeAsync(Host, "platform_job");
        var job = await FinishedAsync(tf, await StartAsync(tf, $"/api/v1/batches/{batch["id"]}/eligibility-check-jobs"));
        Assert.Equal("Failed", (string)job["status"]!);
        Assert.Equal("eligibility.window_not_closed", (string)job["problem"]!["code"]!);
        Assert.Contains("The application window has not closed yet", (string)job["problem"]!["detail"]!);
        Assert.Null(job["result"]);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Host, "platform_job"));
        await tf.GetAsync($"/api/v1/jobs/{job["id"]}/result").ExpectProblem(HttpStatusCode.Conflict, "job.no_file");

        // A draft round cannot be exported yet.
        var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("NeedReview", Host.Clock.GetUtcNow())).Expect(HttpStatusCode.Created);
        before = await DatabaseSnapshot.TakeAsync(Host, "platform_job");
        var export = await FinishedAsync(tf, await StartAsync(tf, $"/api/v1/review/rounds/{round["id"]}/export-jobs"));
        Assert.Equal("Failed", (string)export["status"]!);
        Assert.Equal("review.round_not_closed", (string)export["problem"]!["code"]!);
        var assign = await FinishedAsync(tf, await StartAsync(tf, $"/api/v1/review/rounds/{round["id"]}/assign-jobs"));
        Assert.Equal("review.no_items", (string)assign["problem"]!["code"]!);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Host, "platform_job"));

        // A failed job does not block the next start of the same action.
        var again = await StartAsync(tf, $"/api/v1/batches/{batch["id"]}/eligibility-check-jobs");
        Assert.NotEqual((string)job["id"]!, (string)again["id"]!);
        await FinishedAsync(tf, again);
    }

    [Fact]
    public async Task Starting_again_while_a_job_is_active_returns_it_and_a_job_interrupted_by_a_stop_runs_once_at_the_next_start()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var applications = new[] { await SubmittedAsync(applicant, challenge), await SubmittedAsync(applicant, challenge) };
        var saved = Host.Clock.GetUtcNow();
        Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!, CultureInfo.InvariantCulture).AddMinutes(1));
        try
        {
            // A host that runs no jobs: the job stays queued.
            await Host.RestartAsync(("Jobs:Run", "false"));
            var tf = await Host.As(Cast.TaskForce);
            var url = $"/api/v1/batches/{batch["id"]}/eligibility-check-jobs";
            var job = await StartAsync(tf, url);
            Assert.Equal("Queued", (string)job["status"]!);
            Assert.Equal(0, (int)job["percent"]!);
            Assert.Equal((string)job["id"]!, (string)(await StartAsync(tf, url))["id"]!);

            // The host had taken it and got half way when it stopped.
            await using (var connection = await Host.Db.OpenAsync())
            {
                await connection.ExecuteAsync("UPDATE platform_job SET status = 'Running', attempts = 1, processed = 1, total = 2, started_at = created_at WHERE id = @Id",
                    new { Id = Guid.Parse((string)job["id"]!) });
            }
            var running = await tf.GetAsync($"/api/v1/jobs/{job["id"]}").Expect(HttpStatusCode.OK);
            Assert.Equal("Running", (string)running["status"]!);
            Assert.Equal(50, (int)running["percent"]!);
            Assert.Equal((string)job["id"]!, (string)(await StartAsync(tf, url))["id"]!);
            await (await Host.As(Cast.Applicant)).GetAsync($"/api/v1/jobs/{job["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
            Assert.Single((await tf.GetAsync("/api/v1/jobs?mine=true").Expect(HttpStatusCode.OK)).AsArray(), j => (string)j!["id"]! == (string)job["id"]!);

            // The next start queues it again and runs it to the end, once.
            await Host.RestartAsync(("Jobs:Run", "true"));
            tf = await Host.As(Cast.TaskForce);
            var done = await FinishedAsync(tf, job);
            Completed(done, 2);
            Assert.Equal(2, (int)done["attempts"]!);
            Assert.Equal(2, (int)done["result"]!["checked"]!);
            foreach (var id in applications)
            {
                var audit = await tf.GetAsync($"/api/v1/audit?entityId={id}&action=CheckEligibility").Expect(HttpStatusCode.OK);
                Assert.Equal(1, (int)audit["total"]!);
                Assert.Equal("Eligible", (string)(await tf.GetAsync($"/api/v1/applications/{id}").Expect(HttpStatusCode.OK))["status"]!);
            }
            await using (var connection = await Host.Db.OpenAsync())
            {
                Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM platform_job WHERE target = @T", new { T = $"batch:{batch["id"]}" }));
            }
            // Finished, it no longer blocks a new start; the rerun finds everything decided.
            var rerun = await FinishedAsync(tf, await StartAsync(tf, url));
            Assert.NotEqual((string)job["id"]!, (string)rerun["id"]!);
            Assert.Equal(0, (int)rerun["result"]!["checked"]!);
            Assert.Equal(2, (int)rerun["result"]!["alreadyDecided"]!);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
            if (Host.Settings.GetValueOrDefault("Jobs:Run") == "false")
            {
                await Host.RestartAsync(("Jobs:Run", "true"));
            }
        }
    }
}

public sealed class JobsTestsOnSqlite(SqliteHost host) : JobsTests(host), IClassFixture<SqliteHost>;
public sealed class JobsTestsOnPostgres(PostgresHost host) : JobsTests(host), IClassFixture<PostgresHost>;
public sealed class JobsTestsOnSqlServer(SqlServerHost host) : JobsTests(host), IClassFixture<SqlServerHost>;
