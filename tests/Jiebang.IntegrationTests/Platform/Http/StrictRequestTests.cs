using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Http;

/// <summary>
/// Request bodies are read as strictly as the OpenAPI document declares them: no property it does not name
/// (additionalProperties: false), every required property present, numbers as JSON numbers. Each refusal is a 400 problem
/// whose <c>errors</c> are keyed by the JSON field, and stores nothing.
/// </summary>
public abstract class StrictRequestTests(JiebangHost host) : HostTests(host)
{
    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Text(object body) => JsonSerializer.Serialize(body, Json.Options);

    private async Task<(HttpClient Applicant, JsonObject Body)> ApplicationAsync()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var body = JsonSerializer.SerializeToNode(ApplicationBodies.Complete(challenge), Json.Options)!.AsObject();
        return (await Host.As(Cast.Applicant), body);
    }

    private async Task<JsonObject> RefusedAsync(HttpClient client, string url, JsonNode body, string field)
    {
        var problem = await DatabaseSnapshot.Unchanged(Host, () => client.PostAsync(url, Raw(body.ToJsonString()))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors should name {field}: {problem.ToJsonString()}");
        var message = (string)errors[field]![0]!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}.* / [A-Za-z]", message);
        Assert.DoesNotContain("System.", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Jiebang.", problem.ToJsonString(), StringComparison.Ordinal);
        return problem.AsObject();
    }

    [Fact]
    public async Task An_unknown_property_is_refused_naming_it_at_the_top_nested_and_in_a_list()
    {
        var (applicant, body) = await ApplicationAsync();
        var top = body.DeepClone();
        top["foo"] = 1;
        await RefusedAsync(applicant, "/api/v1/applications", top, "foo");

        var nested = body.DeepClone();
        nested["declarations"]!["signedBy"] = "张三";
        await RefusedAsync(applicant, "/api/v1/applications", nested, "declarations.signedBy");

        var inList = body.DeepClone();
        inList["milestones"]![1]!["budgetFen"] = 100;
        await RefusedAsync(applicant, "/api/v1/applications", inList, "milestones[1].budgetFen");

        await applicant.PostAsync("/api/v1/applications", Raw(body.ToJsonString())).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_refused_naming_it()
    {
        var (applicant, body) = await ApplicationAsync();
        var top = body.DeepClone();
        top["ownInvestmentFen"] = "100000000";
        await RefusedAsync(applicant, "/api/v1/applications", top, "ownInvestmentFen");

        var inList = body.DeepClone();
        inList["milestones"]![0]!["dueMonth"] = "12";
        await RefusedAsync(applicant, "/api/v1/applications", inList, "milestones[0].dueMonth");

        var tf = await Host.As(Cast.TaskForce);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostAsync("/api/v1/programmes", Raw(
                """{"code":"P-STR","name":"工程","operatorName":"管委会","targetConsortia":"10","targetYear":2027}"""))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
    }

    [Fact]
    public async Task A_create_without_a_required_property_is_refused_naming_it_instead_of_storing_defaults()
    {
        var (applicant, body) = await ApplicationAsync();
        var noDeclarations = body.DeepClone();
        noDeclarations.AsObject().Remove("declarations");
        await RefusedAsync(applicant, "/api/v1/applications", noDeclarations, "declarations");

        var nested = body.DeepClone();
        nested["declarations"]!.AsObject().Remove("ipProtection");
        await RefusedAsync(applicant, "/api/v1/applications", nested, "declarations.ipProtection");

        var inList = body.DeepClone();
        inList["team"]![0]!.AsObject().Remove("title");
        await RefusedAsync(applicant, "/api/v1/applications", inList, "team[0].title");

        // Two missing at once: both named.
        var two = body.DeepClone();
        two.AsObject().Remove("members");
        two.AsObject().Remove("ownInvestmentFen");
        var problem = await RefusedAsync(applicant, "/api/v1/applications", two, "members");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("ownInvestmentFen"), problem.ToJsonString());

        // An optional property may be left out (leadOrganisationId is nullable in the document).
        await applicant.PostAsync("/api/v1/applications", Raw(body.ToJsonString())).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Responses_still_carry_every_property_and_numbers_as_numbers()
    {
        var (applicant, body) = await ApplicationAsync();
        var created = await applicant.PostAsync("/api/v1/applications", Raw(body.ToJsonString())).Expect(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Number, created["ownInvestmentFen"]!.GetValueKind());
        Assert.Equal(300_000_000L, (long)created["ownInvestmentFen"]!);
        Assert.True((bool)created["declarations"]!["ipProtection"]!);
    }

    [Fact]
    public async Task An_action_whose_body_is_optional_accepts_a_post_without_body_or_content_type()
    {
        var batch = await Scenario.OpenBatchAsync();
        var draft = await Scenario.DraftAsync(Guid.Parse((string)batch["id"]!));
        var issuer = await Host.As(Cast.IssuerA);
        var tf = await Host.As(Cast.TaskForce);
        var submitted = await issuer.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/challenges/{draft["id"]}/submit"))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", (string?)submitted["status"]);
        var approved = await tf.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/challenges/{draft["id"]}/approve"))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", (string?)approved["status"]);

        // An empty body with a JSON content type is the same empty request.
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var created = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        var withdrawn = await applicant.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{created["id"]}/withdraw"))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", (string?)withdrawn["status"]);

        // A required body is still required: the validator names the field.
        var other = await Scenario.DraftAsync(Guid.Parse((string)batch["id"]!));
        await issuer.PostJson($"/api/v1/challenges/{other["id"]}/submit").Expect(HttpStatusCode.OK);
        await DatabaseSnapshot.Unchanged(Host, () => tf.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/challenges/{other["id"]}/reject"))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
    }

    [Fact]
    public async Task A_body_of_another_media_type_gets_a_415_problem_document()
    {
        var batch = await Scenario.OpenBatchAsync();
        var issuer = await Host.As(Cast.IssuerA);
        var json = Scenario.ChallengeBodyJson(Guid.Parse((string)batch["id"]!));
        foreach (var content in new HttpContent[]
                 {
                     new StringContent(json, Encoding.UTF8, "text/plain"),
                     new StringContent(json, Encoding.UTF8, "application/xml"),
                     new FormUrlEncodedContent([new("title", "x")]),
                     NoContentType(json),
                 })
        {
            var problem = await DatabaseSnapshot.Unchanged(Host, () => issuer.PostAsync("/api/v1/challenges", content)
                .ExpectProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type"));
            Assert.Contains("application/json", (string?)problem["detail"], StringComparison.Ordinal);
        }
        // A body sent to an action that takes none is not silently ignored either.
        var draft = await Scenario.DraftAsync(Guid.Parse((string)batch["id"]!));
        var withText = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/challenges/{draft["id"]}/submit")
        {
            Content = new StringContent("reason=x", Encoding.UTF8, "text/plain"),
        };
        await DatabaseSnapshot.Unchanged(Host, () => issuer.SendAsync(withText).ExpectProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type"));
    }

    private static ByteArrayContent NoContentType(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = null;
        return content;
    }
}

public sealed class StrictRequestTestsOnSqlite(SqliteHost host) : StrictRequestTests(host), IClassFixture<SqliteHost>;
public sealed class StrictRequestTestsOnPostgres(PostgresHost host) : StrictRequestTests(host), IClassFixture<PostgresHost>;
// A request without body or Content-Type, as it arrives at Kestrel from a socket.
public sealed class StrictRequestTestsOnSqliteOverSockets(SqliteOverSocketsHost host) : StrictRequestTests(host), IClassFixture<SqliteOverSocketsHost>;
