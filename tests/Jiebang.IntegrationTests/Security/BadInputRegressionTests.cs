using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;

namespace Jiebang.IntegrationTests.Security;

/// <summary>What the fuzzer found, each pinned down: answered with a 400 problem that names no server type, storing nothing.</summary>
public abstract class BadInputRegressionTests(JiebangHost host) : HostTests(host)
{
    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_null_list_or_a_null_element_is_refused_as_malformed_instead_of_failing_inside()
    {
        var tf = await Host.As(Cast.TaskForce);
        var batch = await Scenario.OpenBatchAsync();
        var issuer = await Host.As(Cast.IssuerA);
        // Each of these answered 500 (a NullReferenceException behind the validator) before.
        var body = await DatabaseSnapshot.Unchanged(Host, () => issuer.PostAsync("/api/v1/challenges", Raw(
            Scenario.ChallengeBodyJson(Guid.Parse((string)batch["id"]!)).Replace("\"deliverables\":[\"样机一套\",\"检测报告\"]", "\"deliverables\":null", StringComparison.Ordinal)))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.Contains("deliverables may not be null", body.ToJsonString(), StringComparison.Ordinal);
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostAsync("/api/v1/challenges", Raw(
            Scenario.ChallengeBodyJson(Guid.Parse((string)batch["id"]!)).Replace("\"indicators\":[", "\"indicators\":[null,", StringComparison.Ordinal)))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostAsync("/api/v1/review/experts", Raw(
            """{"name":"专家","title":"教授","fields":["MedicalDevices"],"declaredConflicts":null,"declaredPersonConflicts":[null],"active":true}"""))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"/api/v1/batches/{batch["id"]}/funding-policy",
            new { ratioBp = 3000, capPerProjectFen = 1_000L, totalBudgetFen = 10_000L, tranches = new object?[] { null } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_refused_without_naming_server_types()
    {
        var tf = await Host.As(Cast.TaskForce);
        var response = await tf.PostAsync("/api/v1/review/experts", Raw(
            """{"name":"专家","title":"教授","fields":"MedicalDevices","declaredConflicts":[],"declaredPersonConflicts":[],"active":true}"""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jiebang.", text, StringComparison.Ordinal);
        // Keyed by the JSON field, as the document names it.
        Assert.True(System.Text.Json.Nodes.JsonNode.Parse(text)!["errors"]!.AsObject().ContainsKey("fields"), text);
        var malformed = await (await tf.PostAsync("/api/v1/programmes", Raw("12"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Jiebang.", malformed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enum_sent_as_a_number_is_refused()
    {
        var tf = await Host.As(Cast.TaskForce);
        var body = ReviewScenario.RoundBody("ApplicationReview", Host.Clock.GetUtcNow());
        var json = System.Text.Json.JsonSerializer.Serialize(body, Json.Options).Replace("\"kind\":\"ApplicationReview\"", "\"kind\":7", StringComparison.Ordinal);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostAsync("/api/v1/review/rounds", Raw(json)).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
    }

    [Fact]
    public async Task A_batch_window_at_the_end_of_the_calendar_is_refused_instead_of_overflowing()
    {
        var tf = await Host.As(Cast.TaskForce);
        var programme = await Scenario.ProgrammeAsync();
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/programmes/{programme}/batches",
            new { code = Scenario.Unique("B"), name = "批次", opensOn = "2026-12-01", closesOn = "9999-12-31" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var batch = await Scenario.OpenBatchAsync();
        var etag = (await tf.GetAsync($"/api/v1/batches/{batch["id"]}")).Headers.ETag!.ToString();
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"/api/v1/batches/{batch["id"]}",
            new { name = "批次", opensOn = "0001-01-01", closesOn = "9999-12-31" }, etag).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
    }

    [Fact]
    public async Task An_upload_whose_multipart_boundary_never_appears_is_refused_as_malformed()
    {
        var s = await SecurityScenario.OfAsync(Host);
        var applicant = await Host.As(Cast.Applicant);
        var content = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostAsync($"/api/v1/progress-reports/{s.ProgressReportId}/attachments", content)
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
    }
}

public sealed class BadInputRegressionTestsOnSqlite(SqliteHost host) : BadInputRegressionTests(host), IClassFixture<SqliteHost>;
public sealed class BadInputRegressionTestsOnPostgres(PostgresHost host) : BadInputRegressionTests(host), IClassFixture<PostgresHost>;
